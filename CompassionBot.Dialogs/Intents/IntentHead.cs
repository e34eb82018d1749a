using System.Runtime.InteropServices;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// The semantic layer of intent recognition: multinomial logistic regression over a message's sentence embedding and
/// its hashed words (<see cref="TextFeatures"/>: words, character 3–5-grams for typos and Spanish word forms, word
/// pairs), trained on the intent examples by <c>CompassionBot.Training</c>. It names the likeliest intent only when its
/// probability reaches <see cref="IntentHeadFile.Threshold"/>, and never <see cref="Intent.Choose"/>. Thread-safe.
/// </summary>
public sealed class IntentHead
{
    private readonly Intent[] _classes;
    private readonly float[][] _embeddingWeights;
    private readonly float[][] _textWeights;
    private readonly float[] _biases;

    private IntentHead(IntentHeadFile file, Intent[] classes, float[][] embeddingWeights, float[][] textWeights)
    {
        File = file;
        _classes = classes;
        _embeddingWeights = embeddingWeights;
        _textWeights = textWeights;
        _biases = [.. file.Biases];
        TextFeatures = new TextFeatures(file.TextFeatures);
    }

    /// <summary>The file as loaded.</summary>
    public IntentHeadFile File { get; }

    /// <summary>The featuriser the head was trained with.</summary>
    public TextFeatures TextFeatures { get; }

    /// <summary>Loads the committed head and checks it against the examples and the encoder.</summary>
    /// <exception cref="ContentValidationException">The file is missing or malformed, or was trained on other examples or another encoder.</exception>
    public static IntentHead Load(string contentRoot, IntentExamples examples, string encoderFingerprint, int dimensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var path = Path.Combine(contentRoot, IntentHeadFile.RelativePath);
        if (!System.IO.File.Exists(path))
        {
            throw Invalid("The intent head is missing: train it with 'dotnet run --project CompassionBot.Training -- train-intents'.");
        }

        IntentHeadFile? file;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, IntentHeadJsonContext.Default.IntentHeadFile);
        }
        catch (JsonException exception)
        {
            throw Invalid($"The intent head is not valid JSON ({exception.Message}).");
        }

        return FromFile(file ?? throw Invalid("The intent head is empty."), examples, encoderFingerprint, dimensions);
    }

    /// <summary>Builds the head from a file's contents (the training command and tests use this).</summary>
    /// <exception cref="ContentValidationException">The contents are inconsistent, or belong to other examples or another encoder.</exception>
    public static IntentHead FromFile(IntentHeadFile file, IntentExamples examples, string encoderFingerprint, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(examples);
        if (file.Format != IntentHeadFile.CurrentFormat)
        {
            throw Invalid($"The intent head has format '{file.Format}'; this version reads '{IntentHeadFile.CurrentFormat}'.");
        }

        if (!string.Equals(file.EncoderFingerprint, encoderFingerprint, StringComparison.Ordinal) || file.Dimensions != dimensions)
        {
            throw Invalid($"The intent head was trained on another sentence encoder (fingerprint {file.EncoderFingerprint}): retrain it with 'dotnet run --project CompassionBot.Training -- train-intents'.");
        }

        if (!string.Equals(file.ExamplesSha256, examples.Sha256, StringComparison.Ordinal))
        {
            throw Invalid("The intent examples have changed since the intent head was trained: retrain it with 'dotnet run --project CompassionBot.Training -- train-intents'.");
        }

        var classes = new Intent[file.Classes.Count];
        for (var c = 0; c < classes.Length; c++)
        {
            if (!IntentNames.TryParse(file.Classes[c], out classes[c]) || classes[c] == Intent.Choose)
            {
                throw Invalid($"The intent head names an intent it cannot have: '{file.Classes[c]}'.");
            }
        }

        if (classes.Length < 2 || !classes.Contains(Intent.None) || file.Biases.Count != classes.Length || file.EmbeddingWeights.Count != classes.Length || file.TextWeights.Count != classes.Length)
        {
            throw Invalid("The intent head needs 'none' and at least one other intent, with one bias and one weight row each.");
        }

        if (file.Threshold is < 0 or > 1)
        {
            throw Invalid($"The intent head's threshold {file.Threshold} is not between 0 and 1.");
        }

        var embedding = file.EmbeddingWeights.Select(w => Decode(w, dimensions, "embedding")).ToArray();
        var text = file.TextWeights.Select(w => Decode(w, file.TextFeatures.Buckets, "text")).ToArray();
        return new IntentHead(file, classes, embedding, text);
    }

    /// <summary>The intent of a message, or <see cref="Intent.None"/> when the head is unsure; the confidence is the
    /// likeliest intent's probability.</summary>
    /// <param name="embedding">The message's sentence embedding.</param>
    /// <param name="canonicalText">The message in canonical form (<see cref="TextCanonicaliser"/>).</param>
    public IntentRecognition Recognize(ReadOnlySpan<float> embedding, string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        var probabilities = Probabilities(embedding, TextFeatures.Extract(canonicalText));
        var best = 0;
        for (var c = 1; c < probabilities.Length; c++)
        {
            best = probabilities[c] > probabilities[best] ? c : best;
        }

        var sure = probabilities[best] >= File.Threshold;
        return new IntentRecognition(sure ? _classes[best] : Intent.None, IntentSource.Examples, (float)probabilities[best]);
    }

    private double[] Probabilities(ReadOnlySpan<float> embedding, SparseFeatures words)
    {
        var logits = new double[_classes.Length];
        for (var c = 0; c < logits.Length; c++)
        {
            double sum = _biases[c];
            var weights = _embeddingWeights[c];
            for (var d = 0; d < embedding.Length; d++)
            {
                sum += weights[d] * embedding[d];
            }

            var textWeights = _textWeights[c];
            for (var i = 0; i < words.Indices.Length; i++)
            {
                sum += textWeights[words.Indices[i]] * words.Values[i];
            }

            logits[c] = sum;
        }

        var max = logits.Max();
        var total = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Math.Exp(logits[c] - max);
            total += logits[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= total;
        }

        return logits;
    }

    private static float[] Decode(string base64, int length, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Invalid($"The intent head's {what} weights are not base64.");
        }

        return bytes.Length == length * sizeof(float)
            ? MemoryMarshal.Cast<byte, float>(bytes).ToArray()
            : throw Invalid($"The intent head's {what} weights have {bytes.Length / sizeof(float)} values; {length} are needed.");
    }

    private static ContentValidationException Invalid(string message) => new([new ContentError(IntentHeadFile.RelativePath, 0, message)]);
}
