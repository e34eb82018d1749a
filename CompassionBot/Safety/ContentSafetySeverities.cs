namespace CompassionBot.Safety;

/// <summary>The severities (0–7) the service gave a text; null for a category it did not return.</summary>
internal sealed record ContentSafetySeverities(int? SelfHarm, int? Violence)
{
    /// <summary>The severities in <paramref name="analysis"/> (a missing list means no result for any category).</summary>
    public static ContentSafetySeverities From(IReadOnlyList<ContentSafetyCategoryAnalysis>? analysis) =>
        new(Of(analysis, ContentSafetyRequest.SelfHarm), Of(analysis, ContentSafetyRequest.Violence));

    private static int? Of(IReadOnlyList<ContentSafetyCategoryAnalysis>? analysis, string category) =>
        analysis?.FirstOrDefault(a => string.Equals(a.Category, category, StringComparison.OrdinalIgnoreCase))?.Severity;
}
