namespace CompassionBot.Safety;

/// <summary>Per-document results and errors.</summary>
internal sealed record AzureSentimentResults(IReadOnlyList<AzureDocumentSentiment>? Documents, IReadOnlyList<AzureDocumentError>? Errors);
