using CompassionBot.Dialogs.Schema;

namespace CompassionBot.DirectLine;

/// <summary>
/// Something happened in a conversation: its log grew to <paramref name="Watermark"/> (streams read the new
/// activities from the store), or an <paramref name="Ephemeral"/> activity (typing) that is never stored. With
/// neither, the log may have grown (notifications from other instances may have been missed): streams re-read it.
/// </summary>
public sealed record DirectLineNotification(string ConversationId, long? Watermark, Activity? Ephemeral);
