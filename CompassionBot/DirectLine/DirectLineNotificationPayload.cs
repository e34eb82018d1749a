namespace CompassionBot.DirectLine;

/// <summary>
/// A <see cref="DirectLineNotification"/> as sent between instances with PostgreSQL <c>NOTIFY</c>: ids and a watermark,
/// never message text.
/// </summary>
/// <param name="Origin">The sending instance, so it ignores its own notification (it delivered it locally already).</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Watermark">The log's new last watermark, when it grew.</param>
/// <param name="Typing">A typing indicator's JSON stripped to ids, role and time, when that is what happened.</param>
internal sealed record DirectLineNotificationPayload(string Origin, string ConversationId, long? Watermark, string? Typing);
