using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Turns;

/// <summary>What a processed turn produced.</summary>
/// <param name="Replies">The replies, as delivered (in order).</param>
/// <param name="Failed">True when the turn ended in the error handler.</param>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, bool Failed)
{
    /// <summary>The bot's answer to an <c>invoke</c> activity, or null when it did not handle it.</summary>
    public InvokeResponse? InvokeResponse { get; init; }

    /// <summary>
    /// True when the activity had already been processed (a channel's retry, see <see cref="DeliveryDeduplication"/>):
    /// nothing ran and nothing was sent; <see cref="Replies"/> (for <c>expectReplies</c>) and <see cref="InvokeResponse"/>
    /// are what the first delivery's turn returned.
    /// </summary>
    public bool IsRepeat { get; init; }
}
