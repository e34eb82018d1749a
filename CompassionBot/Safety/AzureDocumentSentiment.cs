namespace CompassionBot.Safety;

/// <summary>One document's sentiment (<c>positive</c>, <c>neutral</c>, <c>negative</c> or <c>mixed</c>) with confidences.</summary>
internal sealed record AzureDocumentSentiment(string Id, string? Sentiment, AzureConfidenceScores? ConfidenceScores);
