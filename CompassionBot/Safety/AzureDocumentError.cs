namespace CompassionBot.Safety;

/// <summary>A per-document error (its details are not logged: they can echo the text).</summary>
internal sealed record AzureDocumentError(string Id);
