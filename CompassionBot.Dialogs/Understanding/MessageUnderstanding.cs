namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// One inbound message as every step of a turn reads it: the text as written, its canonical form, and its sentence
/// embedding, computed at most once (the first step that needs it pays; later steps reuse it). Not thread-safe: a
/// turn runs its steps one after another.
/// </summary>
public sealed class MessageUnderstanding
{
    private readonly ISentenceEncoder _encoder;
    private Task<float[]>? _embedding;

    /// <summary>Creates the understanding of <paramref name="text"/>.</summary>
    public MessageUnderstanding(string text, ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(encoder);
        Text = text;
        Canonical = TextCanonicaliser.Canonicalise(text);
        _encoder = encoder;
    }

    /// <summary>The encoder the embedding comes from (for parts of the message).</summary>
    public ISentenceEncoder Encoder => _encoder;

    /// <summary>The message as the person wrote it.</summary>
    public string Text { get; }

    /// <summary>The message in canonical form (<see cref="TextCanonicaliser"/>).</summary>
    public string Canonical { get; }

    /// <summary>Whether the embedding has been computed in this turn.</summary>
    public bool HasEmbedding => _embedding is { IsCompletedSuccessfully: true };

    /// <summary>The sentence embedding of <see cref="Canonical"/>; computed on first use.</summary>
    /// <exception cref="SentenceEncoderException">The encoder failed; the next call tries again.</exception>
    public async ValueTask<float[]> GetEmbeddingAsync(CancellationToken cancellationToken)
    {
        if (_embedding is null || _embedding.IsFaulted || _embedding.IsCanceled)
        {
            _embedding = _encoder.EncodeAsync(Canonical, cancellationToken).AsTask();
        }

        return await _embedding.ConfigureAwait(false);
    }
}
