namespace CompassionBot.Dialogs.Schema;

/// <summary>Values of <c>deliveryMode</c>.</summary>
public static class DeliveryModes
{
    /// <summary>Replies go to the channel's serviceUrl (the default).</summary>
    public const string Normal = "normal";

    /// <summary>Replies are returned in the HTTP response body as <c>{"activities":[...]}</c>.</summary>
    public const string ExpectReplies = "expectReplies";
}
