namespace CompassionBot.Dialogs.Understanding;

/// <summary>Turns one message into a fixed-length sentence embedding. Implementations are thread-safe.</summary>
public interface ISentenceEncoder
{
    /// <summary>The length of every embedding (384 for all-MiniLM-L6-v2).</summary>
    int Dimensions { get; }

    /// <summary>Identifies the exact model, vocabulary and quantisation (a SHA-256, lower-case hex), so that a classifier
    /// trained on its embeddings can refuse to run on another's.</summary>
    string Fingerprint { get; }

    /// <summary>Encodes <paramref name="canonicalText"/> (see <see cref="TextCanonicaliser"/>) into a unit-length
    /// embedding of <see cref="Dimensions"/> values.</summary>
    /// <exception cref="SentenceEncoderException">The model failed to run.</exception>
    ValueTask<float[]> EncodeAsync(string canonicalText, CancellationToken cancellationToken);
}
