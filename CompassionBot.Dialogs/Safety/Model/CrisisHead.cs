using System.Runtime.InteropServices;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>
/// The semantic layer's classifier: multinomial logistic regression over a message's sentence embedding and its
/// hashed words (<see cref="TextFeatures"/>), giving none / concern / crisis probabilities. Trained by
/// <c>CompassionBot.Training</c>; loaded from <see cref="RelativePath"/> under the content root. Thread-safe.
/// </summary>
public sealed class CrisisHead
{
    /// <summary>Where the head lives under the content root.</summary>
    public static readonly string RelativePath = Path.Combine("Safety", "model", "crisis-head.json");

    private readonly float[][] _embeddingWeights;
    private readonly float[][] _textWeights;
    private readonly float[] _biases;
    private readonly Dictionary<string, ModelThresholds> _thresholds;

    private CrisisHead(CrisisHeadFile file, float[][] embeddingWeights, float[][] textWeights)
    {
        File = file;
        _embeddingWeights = embeddingWeights;
        _textWeights = textWeights;
        _biases = [.. file.Biases];
        _thresholds = new Dictionary<string, ModelThresholds>(file.Thresholds, StringComparer.Ordinal);
        TextFeatures = new TextFeatures(file.TextFeatures);
    }

    /// <summary>The file as loaded.</summary>
    public CrisisHeadFile File { get; }

    /// <summary>The featuriser the head was trained with.</summary>
    public TextFeatures TextFeatures { get; }

    /// <summary>Loads and checks the head against the encoder it must run on.</summary>
    /// <exception cref="ContentValidationException">The file is missing, malformed, or was trained on another encoder.</exception>
    public static CrisisHead Load(string contentRootPath, string encoderFingerprint, int dimensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        return LoadFile(Path.Combine(contentRootPath, RelativePath), encoderFingerprint, dimensions);
    }

    /// <summary>Loads and checks the head file at <paramref name="path"/>.</summary>
    /// <exception cref="ContentValidationException">The file is missing, malformed, or was trained on another encoder.</exception>
    public static CrisisHead LoadFile(string path, string encoderFingerprint, int dimensions)
    {
        if (!System.IO.File.Exists(path))
        {
            throw Invalid("The crisis head (the semantic layer's weights) is missing: train it with 'dotnet run --project CompassionBot.Training'.");
        }

        CrisisHeadFile? file;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, CrisisHeadJsonContext.Default.CrisisHeadFile);
        }
        catch (JsonException exception)
        {
            throw Invalid($"The crisis head is not valid JSON ({exception.Message}).");
        }

        return FromFile(file ?? throw Invalid("The crisis head is empty."), encoderFingerprint, dimensions);
    }

    /// <summary>Builds the head from a file's contents (the training command and tests use this).</summary>
    /// <exception cref="ContentValidationException">The contents are inconsistent or belong to another encoder.</exception>
    public static CrisisHead FromFile(CrisisHeadFile file, string encoderFingerprint, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Format != CrisisHeadFile.CurrentFormat)
        {
            throw Invalid($"The crisis head has format '{file.Format}'; this version reads '{CrisisHeadFile.CurrentFormat}'.");
        }

        if (!string.Equals(file.EncoderFingerprint, encoderFingerprint, StringComparison.Ordinal) || file.Dimensions != dimensions)
        {
            throw Invalid($"The crisis head was trained on another sentence encoder (fingerprint {file.EncoderFingerprint}, {file.Dimensions} dimensions; this one is {encoderFingerprint}, {dimensions}): retrain it.");
        }

        if (!file.Classes.SequenceEqual(CrisisHeadFile.ClassOrder) || file.Biases.Count != 3 || file.EmbeddingWeights.Count != 3 || file.TextWeights.Count != 3)
        {
            throw Invalid("The crisis head must have the classes none, concern, crisis, with one bias and one weight row each.");
        }

        var missing = SupportedLocales.All.Where(l => !file.Thresholds.TryGetValue(l, out var t) || !InRange(t)).ToList();
        if (missing.Count > 0)
        {
            throw Invalid($"The crisis head needs thresholds between 0 and 1 for {string.Join(" and ", missing)}.");
        }

        var embedding = file.EmbeddingWeights.Select(w => Decode(w, dimensions, "embedding")).ToArray();
        var text = file.TextWeights.Select(w => Decode(w, file.TextFeatures.Buckets, "text")).ToArray();
        return new CrisisHead(file, embedding, text);
    }

    /// <summary>The thresholds for a language (<c>en</c>/<c>es</c>; anything else reads as English).</summary>
    public ModelThresholds ThresholdsFor(string language) =>
        _thresholds.TryGetValue(language, out var thresholds) ? thresholds : _thresholds[SupportedLocales.English];

    /// <summary>The probabilities for one message.</summary>
    public ModelScores Predict(ReadOnlySpan<float> embedding, SparseFeatures text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<double> logits = stackalloc double[3];
        for (var c = 0; c < 3; c++)
        {
            double sum = _biases[c];
            var weights = _embeddingWeights[c];
            for (var d = 0; d < embedding.Length; d++)
            {
                sum += weights[d] * embedding[d];
            }

            var textWeights = _textWeights[c];
            for (var i = 0; i < text.Indices.Length; i++)
            {
                sum += textWeights[text.Indices[i]] * text.Values[i];
            }

            logits[c] = sum;
        }

        var max = Math.Max(logits[0], Math.Max(logits[1], logits[2]));
        var none = Math.Exp(logits[0] - max);
        var concern = Math.Exp(logits[1] - max);
        var crisis = Math.Exp(logits[2] - max);
        var total = none + concern + crisis;
        return new ModelScores((float)(none / total), (float)(concern / total), (float)(crisis / total));
    }

    private static bool InRange(ModelThresholds t) => t.Concern is >= 0 and <= 1 && t.Crisis is >= 0 and <= 1;

    private static float[] Decode(string base64, int length, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Invalid($"The crisis head's {what} weights are not base64.");
        }

        return bytes.Length == length * sizeof(float)
            ? MemoryMarshal.Cast<byte, float>(bytes).ToArray()
            : throw Invalid($"The crisis head's {what} weights have {bytes.Length / sizeof(float)} values; {length} are needed.");
    }

    private static ContentValidationException Invalid(string message) => new([new ContentError(RelativePath, 0, message)]);
}
