using CompassionBot.Dialogs.Schema;

namespace CompassionBot.DirectLine;

/// <summary>An activity in a conversation log with its position (the watermark after it).</summary>
public sealed record StoredActivity(long Watermark, Activity Activity);
