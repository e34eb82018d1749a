using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Safety.Model;

namespace CompassionBot.Training;

/// <summary>
/// Chooses each language's thresholds on validation scores: the lowest crisis threshold at which the validation
/// <c>none</c> messages called a crisis (the rules' included) stay within their share, then the lowest concern threshold
/// at which those flagged at all stay within theirs. Lower thresholds catch more; these are as low as the budget allows.
/// </summary>
internal static class ThresholdSelector
{
    /// <summary>Thresholds per language (<c>en</c>, <c>es</c>), by the language the screen takes each message to be in.</summary>
    public static Dictionary<string, ModelThresholds> Select(IReadOnlyList<PreparedMessage> messages, IReadOnlyList<ModelScores> scores, HeadTrainerOptions options)
    {
        var chosen = new Dictionary<string, ModelThresholds>(StringComparer.Ordinal);
        foreach (var language in SupportedLocales.All)
        {
            var none = Enumerable.Range(0, messages.Count)
                .Where(i => messages[i].Source.Label == RiskLevel.None && messages[i].Language == language)
                .ToList();
            var modelRuns = none.Where(i => !messages[i].Routine && messages[i].Rules < RiskLevel.Crisis).ToList();
            var rulesCrisis = none.Count(i => messages[i].Rules == RiskLevel.Crisis);
            var crisis = Above(modelRuns.Select(i => scores[i].Crisis), Allowance(none.Count, options.MaxNoneAsCrisis, rulesCrisis));

            var flaggedAlready = none.Count(i => messages[i].Rules >= RiskLevel.Concern || (modelRuns.Contains(i) && scores[i].Crisis >= crisis));
            var stillNone = modelRuns.Where(i => messages[i].Rules == RiskLevel.None && scores[i].Crisis < crisis);
            var concern = Above(stillNone.Select(i => scores[i].AnyRisk), Allowance(none.Count, options.MaxNoneFlagged, flaggedAlready));
            chosen[language] = new ModelThresholds(concern, crisis);
        }

        return chosen;
    }

    private static int Allowance(int total, double share, int used) => Math.Max(0, (int)Math.Floor(share * total) - used);

    // The lowest threshold that lets at most `allowed` of the scores reach it (just above the next one).
    private static float Above(IEnumerable<float> scores, int allowed)
    {
        var descending = scores.OrderDescending().ToList();
        return allowed < descending.Count ? MathF.Min(1f, MathF.BitIncrement(descending[allowed])) : 0f;
    }
}
