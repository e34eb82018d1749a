namespace CompassionBot.Safety;

/// <summary>One category's result: <c>Hate</c>, <c>SelfHarm</c>, <c>Sexual</c> or <c>Violence</c>, severity 0, 2, 4 or 6.</summary>
internal sealed record ContentSafetyCategoryAnalysis(string? Category, int? Severity);
