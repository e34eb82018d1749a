namespace CompassionBot.Safety;

/// <summary>The parts of the <c>SentimentAnalysisResults</c> response we read.</summary>
internal sealed record AzureSentimentResponse(string? Kind, AzureSentimentResults? Results);
