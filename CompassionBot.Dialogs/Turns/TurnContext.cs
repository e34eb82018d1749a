using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// The turn context. Replies are queued and delivered only after the turn's state is committed, so a turn that is
/// retried after a concurrency conflict never answers twice.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<Activity> _replies = [];
    private readonly IChannelSender _sender;

    /// <summary>Creates a context for <paramref name="activity"/>.</summary>
    public TurnContext(Activity activity, TurnState state, IChannelSender sender)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sender);
        Activity = activity;
        State = state;
        _sender = sender;
    }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public TurnState State { get; }

    /// <inheritdoc />
    public bool Responded => _replies.Count > 0;

    /// <inheritdoc />
    public IReadOnlyList<Activity> Replies => _replies;

    /// <inheritdoc />
    public SafetyAssessment? Safety { get; set; }

    /// <inheritdoc />
    public int SafetyReplyCount { get; set; }

    /// <inheritdoc />
    public string Locale { get; set; } = "en";
    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Whether the inbound activity carries text that the safety gate must see before any reply: a message, or an edit of one.</summary>
    public bool NeedsScreening => Activity.IsMessageOrEdit && !string.IsNullOrWhiteSpace(Activity.Text);

    /// <inheritdoc />
    public Task SendActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        SendActivitiesAsync([activity], cancellationToken);

    /// <inheritdoc />
    public Task SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (NeedsScreening && Safety is null)
        {
            throw new InvalidOperationException("A message was answered before the safety gate screened it.");
        }

        foreach (var activity in activities)
        {
            _replies.Add(Activity.AddressReply(activity));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task SendTypingAsync(CancellationToken cancellationToken) =>
        await _sender.SendAsync([Activity.AddressReply(new Activity { Type = ActivityTypes.Typing })], cancellationToken).ConfigureAwait(false);

    /// <summary>Replaces the queued replies with already-addressed ones (the error handler's).</summary>
    internal void ReplaceReplies(IReadOnlyList<Activity> replies)
    {
        _replies.Clear();
        _replies.AddRange(replies);
    }
}
