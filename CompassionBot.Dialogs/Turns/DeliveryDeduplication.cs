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
/// window are dropped whenever the conversation's next turn commits. Only the conversation's latest turn keeps its
/// answer (the <c>expectReplies</c> replies, the <c>invoke</c> response): a caller waiting for that answer retries before
/// it sends the next activity, and keeping every answer made each turn rewrite all of them. A repeat of an earlier
/// activity still never runs again, and gets nothing new.
/// </remarks>
public sealed class DeliveryDeduplication
{
    // The document holds a small index (activity key → when its turn ran) and the latest turn's answer, if it gave one
    // in the HTTP response.
    private const string ReceivedProperty = "received";
    private const string AnswerProperty = "answer";

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

    /// <summary>What <paramref name="activity"/>'s earlier turn answered, per <paramref name="state"/>; null when the activity is new.</summary>
    internal EarlierAnswer? FindEarlier(Activity activity, TurnState state)
    {
        if (KeyOf(activity) is not { } key || state.Deliveries is not { } deliveries
            || !Received(deliveries).TryGetValue(key, out var receivedAt) || receivedAt < _timeProvider.GetUtcNow() - Window)
        {
            return null;
        }

        return deliveries.Get(AnswerProperty, TurnsJsonContext.Default.EarlierAnswer) is { } answer && string.Equals(answer.Key, key, StringComparison.Ordinal)
            ? answer
            : EarlierAnswer.None;
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
        var received = new Dictionary<string, DateTimeOffset>(Received(deliveries), StringComparer.Ordinal);
        foreach (var expired in received.Where(r => r.Value < now - Window).Select(r => r.Key).ToList())
        {
            received.Remove(expired);
        }

        received[key] = now;
        deliveries.Set(ReceivedProperty, received, TurnsJsonContext.Default.DictionaryStringDateTimeOffset);
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        if (expectReplies || invokeResponse is not null)
        {
            deliveries.Set(AnswerProperty, new EarlierAnswer(key, expectReplies ? [.. replies] : null, invokeResponse), TurnsJsonContext.Default.EarlierAnswer);
        }
        else
        {
            deliveries.Remove(AnswerProperty);
        }
    }

    private static Dictionary<string, DateTimeOffset> Received(StateDocument deliveries) =>
        deliveries.Get(ReceivedProperty, TurnsJsonContext.Default.DictionaryStringDateTimeOffset) ?? [];
}
