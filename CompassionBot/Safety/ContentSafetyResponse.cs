namespace CompassionBot.Safety;

/// <summary>The parts of the <c>AnalyzeTextResult</c> response we read (not <c>blocklistsMatch</c>: no blocklists are sent).</summary>
internal sealed record ContentSafetyResponse(IReadOnlyList<ContentSafetyCategoryAnalysis>? CategoriesAnalysis);
