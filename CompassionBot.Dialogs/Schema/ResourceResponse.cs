namespace CompassionBot.Dialogs.Schema;

/// <summary>The id a channel gives a sent activity; may be null (Teams answers 202 with no body).</summary>
public sealed record ResourceResponse(string? Id);
