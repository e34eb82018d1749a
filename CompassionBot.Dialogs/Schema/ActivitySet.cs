namespace CompassionBot.Dialogs.Schema;

/// <summary>A Direct Line page of activities with the watermark to resume from.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);
