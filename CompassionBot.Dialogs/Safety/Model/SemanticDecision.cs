namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>How the semantic layer's scores combine with the rules' level (for a message the rules did not call a crisis).</summary>
public static class SemanticDecision
{
    /// <summary>Crisis at or above the crisis threshold; at least concern at or above the concern threshold; else the rules' level.</summary>
    public static RiskLevel Decide(RiskLevel rules, ModelScores scores, ModelThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (rules == RiskLevel.Crisis || scores.Crisis >= thresholds.Crisis)
        {
            return RiskLevel.Crisis;
        }

        return scores.AnyRisk >= thresholds.Concern && rules < RiskLevel.Concern ? RiskLevel.Concern : rules;
    }
}
