namespace CompassionBot.Safety;

/// <summary>One document to analyse.</summary>
internal sealed record AzureTextDocument(string Id, string Language, string Text);
