using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Tests.Support;

/// <summary>The real sentence encoder, counting its calls.</summary>
internal sealed class CountingSentenceEncoder : ISentenceEncoder
{
    private int _calls;

    public int Calls => _calls;

    public int Dimensions => SafetyContent.Encoder.Dimensions;

    public string Fingerprint => SafetyContent.Encoder.Fingerprint;

    public ValueTask<float[]> EncodeAsync(string canonicalText, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return SafetyContent.Encoder.EncodeAsync(canonicalText, cancellationToken);
    }
}
