using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Turns;

/// <summary>An inbound activity a committed turn processed, as <see cref="DeliveryDeduplication"/> remembers it.</summary>
/// <param name="Key">The activity's delivery key (<see cref="DeliveryDeduplication.KeyOf"/>).</param>
/// <param name="ReceivedAt">When its turn ran.</param>
/// <param name="Replies">The turn's replies, kept only for <c>expectReplies</c>, whose retry must return them.</param>
/// <param name="InvokeResponse">The turn's answer to an <c>invoke</c>, if it gave one.</param>
internal sealed record ReceivedActivity(
    string Key,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<Activity>? Replies = null,
    InvokeResponse? InvokeResponse = null);
