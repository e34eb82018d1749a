using CompassionBot.Dialogs.Schema;

namespace CompassionBot.BotFramework;

/// <summary>A conversation reference kept for proactive messages.</summary>
/// <param name="Reference">Where and to whom to send.</param>
/// <param name="ServiceUrlVerified">True when the serviceUrl arrived on an authenticated request.</param>
/// <param name="UpdatedAt">When the reference was last refreshed by an inbound turn.</param>
public sealed record StoredConversationReference(ConversationReference Reference, bool ServiceUrlVerified, DateTimeOffset UpdatedAt);
