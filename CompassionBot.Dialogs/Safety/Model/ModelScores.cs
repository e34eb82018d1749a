namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>The crisis head's probabilities for one message; they sum to 1.</summary>
/// <param name="None">Nothing that needs a safety response.</param>
/// <param name="Concern">Distress that can hide risk.</param>
/// <param name="Crisis">Risk now.</param>
public sealed record ModelScores(float None, float Concern, float Crisis)
{
    /// <summary>The probability that the message needs any safety response (concern or crisis).</summary>
    public float AnyRisk => Concern + Crisis;

    /// <summary>
    /// The message's scores, no higher than its riskiest sentence's: a message of several sentences is only as risky as
    /// some part of it reads on its own, so that length and tone alone ("You care. Be gentle with yourself tonight.")
    /// do not make a message risky, while a disclosure in one sentence of many keeps its weight.
    /// </summary>
    /// <param name="sentences">The scores of each sentence; fewer than two leave the scores as they are.</param>
    public ModelScores BoundedBy(IReadOnlyList<ModelScores> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count < 2)
        {
            return this;
        }

        var crisis = Math.Min(Crisis, sentences.Max(s => s.Crisis));
        var anyRisk = Math.Max(crisis, Math.Min(AnyRisk, sentences.Max(s => s.AnyRisk)));
        return new ModelScores(1 - anyRisk, anyRisk - crisis, crisis);
    }
}
