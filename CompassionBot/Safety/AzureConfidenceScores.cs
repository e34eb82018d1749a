namespace CompassionBot.Safety;

/// <summary>Confidence scores, each 0–1.</summary>
internal sealed record AzureConfidenceScores(double Positive, double Neutral, double Negative);
