using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>Everything one turn works with: the inbound activity, its state, and a way to reply.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>The conversation and user state loaded for this turn.</summary>
    TurnState State { get; }

    /// <summary>What the parts of this turn hand each other (never saved).</summary>
    TurnValues Values { get; }

    /// <summary>Whether anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>The replies queued so far in this turn (delivered when the turn commits).</summary>
    IReadOnlyList<Activity> Replies { get; }

    /// <summary>
    /// How many of the first <see cref="Replies"/> still go out when the turn's state cannot be saved: replies that do
    /// not depend on anything the turn would have stored. 0 (the default): none.
    /// </summary>
    int EssentialReplyCount { get; set; }

    /// <summary>The language this turn answers in (<c>en</c>/<c>es</c>); set by the bot at the start of the turn.</summary>
    string Locale { get; set; }

    /// <summary>The bot's answer to an <c>invoke</c> activity; null means "not handled" (the endpoint answers 501).</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Adds <paramref name="handler"/> to the ones every later reply of this turn passes before it is queued (in the order
    /// added). The error handler's context keeps them.
    /// </summary>
    void OnSendActivities(SendActivitiesHandler handler);

    /// <summary>Queues one reply (addressed to the sender of <see cref="Activity"/>).</summary>
    Task SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Queues several replies in order.</summary>
    Task SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Sends a typing indicator now, outside the reply queue.</summary>
    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Call before doing something outside the turn's state that running the turn again would repeat or undo (an SMS
    /// opt-out, a client link): makes sure this run of the turn is the one that commits. On a store where a turn's first
    /// try holds no cross-instance lock, the lock is taken now; if another instance committed this conversation since
    /// the turn read it, a <see cref="StorageConcurrencyException"/> makes the turn run again (holding the lock) before
    /// the thing is done. Elsewhere it returns at once.
    /// </summary>
    Task HoldConversationAsync(CancellationToken cancellationToken);
}
