namespace CompassionBot.Dialogs.Schema;

/// <summary>Activity <c>type</c> values from the Bot Framework Activity schema v3 (compared ordinally).</summary>
public static class ActivityTypes
{
    /// <summary>A message from a person or the bot.</summary>
    public const string Message = "message";

    /// <summary>A message was edited (Teams: <c>channelData.eventType</c> <c>editMessage</c>); carries the revised message's fields, text included.</summary>
    public const string MessageUpdate = "messageUpdate";

    /// <summary>Members joined or left the conversation.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The app was installed or uninstalled (Teams).</summary>
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>A typing indicator.</summary>
    public const string Typing = "typing";

    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";

    /// <summary>A named asynchronous event.</summary>
    public const string Event = "event";

    /// <summary>A named synchronous request whose result is the HTTP response.</summary>
    public const string Invoke = "invoke";

    /// <summary>Debugging trace, delivered only to the Emulator.</summary>
    public const string Trace = "trace";
}
