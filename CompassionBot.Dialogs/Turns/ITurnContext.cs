using CompassionBot.Dialogs.Safety;
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

    /// <summary>Whether anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>The replies queued so far in this turn (delivered when the turn commits).</summary>
    IReadOnlyList<Activity> Replies { get; }

    /// <summary>
    /// The safety gate's verdict on this turn's message. A message with text cannot be answered until it is set:
    /// sending throws <see cref="InvalidOperationException"/>.
    /// </summary>
    SafetyAssessment? Safety { get; set; }

    /// <summary>
    /// How many of the first <see cref="Replies"/> are the safety answer (a referral, a screening question, the line
    /// again): the only replies that still go out when the turn's state cannot be saved, since they hold whatever the
    /// store keeps. 0 (the default) when there is none.
    /// </summary>
    int SafetyReplyCount { get; set; }

    /// <summary>The language this turn answers in (<c>en</c>/<c>es</c>); set by the bot at the start of the turn.</summary>
    string Locale { get; set; }
    /// <summary>The bot's answer to an <c>invoke</c> activity; null means "not handled" (the endpoint answers 501).</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Queues one reply (addressed to the sender of <see cref="Activity"/>).</summary>
    Task SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Queues several replies in order.</summary>
    Task SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Sends a typing indicator now, outside the reply queue.</summary>
    Task SendTypingAsync(CancellationToken cancellationToken);
}
