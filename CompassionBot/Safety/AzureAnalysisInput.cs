namespace CompassionBot.Safety;

/// <summary>The documents to analyse.</summary>
internal sealed record AzureAnalysisInput(IReadOnlyList<AzureTextDocument> Documents);
