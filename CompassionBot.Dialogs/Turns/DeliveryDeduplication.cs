using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Makes a channel's retried delivery of an activity harmless (Azure Bot Service and Teams retry deliveries they think
/// timed out, with the same activity id). Each turn records the activity it processed in the conversation's deliveries
/// document (<see cref="StateKeys.Deliveries"/>), which commits with the turn's state, so the record holds exactly when
/// the turn's effects do, across restarts and instances. <see cref="BotAdapter"/> answers a later delivery of the same
/// activity in the same conversation within <see cref="Window"/> from that record and never runs its turn again.
/// </summary>
/// <remarks>
/// Activities without an id are processed every time. A <c>messageUpdate</c> carries the id of the message it edits,
/// so an edit is told apart by its timestamp too, and is processed every time when it has none. Entries older than the
/// window are dropped whenever the conversation's next turn commits.
/// </remarks>
public sealed class DeliveryDeduplication
{
    private const string PropertyName = "received";

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the deduplication with its <paramref name="window"/> (positive) and clock.</summary>
    public DeliveryDeduplication(TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Window = window;
        _timeProvider = timeProvider;
    }

    /// <summary>How long a processed activity is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>What identifies one delivery of <paramref name="activity"/> within its conversation; null when nothing does.</summary>
    internal static string? KeyOf(Activity activity) => activity switch
    {
        { Id: null or "" } => null,
        { Type: ActivityTypes.MessageUpdate, Timestamp: null } => null,
        { Type: ActivityTypes.MessageUpdate, Timestamp: { } editedAt } => $"{activity.Id}@{editedAt.ToUnixTimeMilliseconds()}",
        _ => activity.Id,
    };

    /// <summary>The record of <paramref name="activity"/>'s earlier turn in <paramref name="state"/>, or null when it is new.</summary>
    internal ReceivedActivity? FindEarlier(Activity activity, TurnState state)
    {
        if (KeyOf(activity) is not { } key || state.Deliveries is not { } deliveries)
        {
            return null;
        }

        var since = _timeProvider.GetUtcNow() - Window;
        return Read(deliveries).LastOrDefault(r => r.ReceivedAt >= since && string.Equals(r.Key, key, StringComparison.Ordinal));
    }

    /// <summary>
    /// Adds <paramref name="activity"/>'s turn to the deliveries document, to be committed with the turn's state, and
    /// drops the entries older than the window.
    /// </summary>
    internal void Record(Activity activity, TurnState state, IReadOnlyList<Activity> replies, InvokeResponse? invokeResponse)
    {
        if (KeyOf(activity) is not { } key || state.Deliveries is not { } deliveries)
        {
            return;
        }

        var now = _timeProvider.GetUtcNow();
        IReadOnlyList<Activity>? kept = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal) ? [.. replies] : null;
        IReadOnlyList<ReceivedActivity> received =
            [.. Read(deliveries).Where(r => r.ReceivedAt >= now - Window), new ReceivedActivity(key, now, kept, invokeResponse)];
        deliveries.Set(PropertyName, received, TurnsJsonContext.Default.IReadOnlyListReceivedActivity);
    }

    private static IReadOnlyList<ReceivedActivity> Read(StateDocument deliveries) =>
        deliveries.Get(PropertyName, TurnsJsonContext.Default.IReadOnlyListReceivedActivity) ?? [];
}
