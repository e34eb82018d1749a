using System.Collections.Concurrent;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Training;

/// <summary>Reads every message the way the service does (canonical form, embedding, hashed words, rules).</summary>
internal sealed class MessagePreparation(ISentenceEncoder encoder, TextFeatures features, ICrisisDetector rules, IRoutineReplies routine)
{
    private readonly ConcurrentDictionary<string, Task<float[]>> _embeddings = new(StringComparer.Ordinal);

    /// <summary>Prepares <paramref name="messages"/>, encoding each distinct text once (as many at a time as the encoder allows).</summary>
    public async Task<IReadOnlyList<PreparedMessage>> PrepareAsync(IReadOnlyList<LabelledMessage> messages, CancellationToken cancellationToken)
    {
        var prepared = await Task.WhenAll(messages.Select(m => PrepareAsync(m, cancellationToken))).ConfigureAwait(false);
        return prepared;
    }

    private async Task<PreparedMessage> PrepareAsync(LabelledMessage message, CancellationToken cancellationToken)
    {
        var canonical = TextCanonicaliser.Canonicalise(message.Text);
        var embedding = await EncodeAsync(canonical, cancellationToken).ConfigureAwait(false);
        var sentences = SentenceSplitter.Split(message.Text);
        var parts = new List<(float[], SparseFeatures)>();
        if (sentences.Count > 1)
        {
            foreach (var sentence in sentences)
            {
                parts.Add((await EncodeAsync(sentence, cancellationToken).ConfigureAwait(false), features.Extract(sentence)));
            }
        }

        return new PreparedMessage(
            message,
            canonical,
            embedding,
            features.Extract(canonical),
            LanguageGuesser.Guess(canonical, message.Locale),
            rules.Classify(canonical, message.Locale).Level,
            routine.IsRoutine(canonical),
            parts);
    }

    private Task<float[]> EncodeAsync(string canonical, CancellationToken cancellationToken) =>
        _embeddings.GetOrAdd(canonical, text => Task.Run(() => encoder.EncodeAsync(text, cancellationToken).AsTask(), cancellationToken));
}
