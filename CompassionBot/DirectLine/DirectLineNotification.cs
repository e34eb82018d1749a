using CompassionBot.Dialogs.Schema;

namespace CompassionBot.DirectLine;

/// <summary>
/// Something happened in a conversation: its log grew to <paramref name="Watermark"/> (streams read the new
/// activities from the store), or an <paramref name="Ephemeral"/> activity (typing) that is never stored.
/// </summary>
public sealed record DirectLineNotification(string ConversationId, long? Watermark, Activity? Ephemeral);
