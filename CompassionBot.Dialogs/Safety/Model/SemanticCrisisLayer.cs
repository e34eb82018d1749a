using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Caching.Memory;

namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>
/// The crisis screen's semantic layer: the <see cref="CrisisHead"/> over a message's sentence embedding and hashed
/// words; a message of several sentences scores no higher than its riskiest sentence (<see cref="ModelScores.BoundedBy"/>,
/// each sentence encoded too). Scores are cached by canonical text (a bounded cache, least recently used entries go
/// first). Thread-safe.
/// </summary>
public sealed class SemanticCrisisLayer : IDisposable
{
    private readonly MemoryCache? _cache;

    /// <summary>Creates the layer.</summary>
    /// <param name="head">The trained head.</param>
    /// <param name="cacheSize">Scores kept by canonical text; 0 keeps none.</param>
    public SemanticCrisisLayer(CrisisHead head, int cacheSize)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheSize);
        Head = head;
        _cache = cacheSize > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = cacheSize, CompactionPercentage = 0.1 }) : null;
    }

    /// <summary>The head.</summary>
    public CrisisHead Head { get; }

    /// <summary>The scores of <paramref name="message"/>; computes its embedding unless they are cached.</summary>
    /// <exception cref="SentenceEncoderException">The encoder failed.</exception>
    public async ValueTask<ModelScores> ScoreAsync(MessageUnderstanding message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_cache is not null && _cache.TryGetValue(message.Canonical, out ModelScores? cached) && cached is not null)
        {
            return cached;
        }

        var embedding = await message.GetEmbeddingAsync(cancellationToken).ConfigureAwait(false);
        var scores = Head.Predict(embedding, Head.TextFeatures.Extract(message.Canonical));
        var sentences = SentenceSplitter.Split(message.Text);
        if (sentences.Count > 1)
        {
            var parts = new List<ModelScores>(sentences.Count);
            foreach (var sentence in sentences)
            {
                var sentenceEmbedding = await message.Encoder.EncodeAsync(sentence, cancellationToken).ConfigureAwait(false);
                parts.Add(Head.Predict(sentenceEmbedding, Head.TextFeatures.Extract(sentence)));
            }

            scores = scores.BoundedBy(parts);
        }

        _cache?.Set(message.Canonical, scores, new MemoryCacheEntryOptions { Size = 1 });
        return scores;
    }

    /// <inheritdoc />
    public void Dispose() => _cache?.Dispose();
}
