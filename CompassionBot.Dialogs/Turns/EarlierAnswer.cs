using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Turns;

/// <summary>What a processed activity's turn answered in the HTTP response, kept so that a repeat can answer the same.</summary>
/// <param name="Key">The activity's delivery key (<see cref="DeliveryDeduplication.KeyOf"/>); null for <see cref="None"/>.</param>
/// <param name="Replies">The turn's replies, kept only for <c>expectReplies</c>; null otherwise.</param>
/// <param name="InvokeResponse">The turn's answer to an <c>invoke</c>, if it gave one.</param>
internal sealed record EarlierAnswer(string? Key = null, IReadOnlyList<Activity>? Replies = null, InvokeResponse? InvokeResponse = null)
{
    /// <summary>The answer of a turn whose replies went out through the channel: a repeat gets nothing new.</summary>
    public static EarlierAnswer None { get; } = new();
}
