using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Tests.Support;

/// <summary>A sentence encoder that fails every call (as ONNX Runtime would on a broken model), until healed.</summary>
internal sealed class FailingSentenceEncoder : ISentenceEncoder
{
    public bool Healed { get; set; }

    public int Dimensions => SafetyContent.Encoder.Dimensions;

    public string Fingerprint => SafetyContent.Encoder.Fingerprint;

    public ValueTask<float[]> EncodeAsync(string canonicalText, CancellationToken cancellationToken) => Healed
        ? SafetyContent.Encoder.EncodeAsync(canonicalText, cancellationToken)
        : throw new SentenceEncoderException("The model failed to run (test).");
}
