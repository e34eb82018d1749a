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
    private readonly List<SendActivitiesHandler> _sendHandlers;
    private readonly IChannelSender _sender;
    private readonly IConversationLease? _lease;

    /// <summary>Creates a context for <paramref name="activity"/>.</summary>
    /// <param name="activity">The inbound activity.</param>
    /// <param name="state">Its loaded state.</param>
    /// <param name="sender">Where replies go when delivered.</param>
    /// <param name="lease">The turn's hold on its conversation (<see cref="HoldConversationAsync"/>); null: none.</param>
    public TurnContext(Activity activity, TurnState state, IChannelSender sender, IConversationLease? lease = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sender);
        Activity = activity;
        State = state;
        _sender = sender;
        _lease = lease;
        Values = new TurnValues();
        _sendHandlers = [];
    }

    // The error handler's context: the failed turn's activity, sender, values and send handlers (as the Bot Framework's
    // error handler sees the failed turn's context), on freshly loaded state and with none of its replies.
    internal TurnContext(TurnContext failed, TurnState state)
        : this(failed.Activity, state, failed._sender, failed._lease)
    {
        Values = failed.Values;
        _sendHandlers = failed._sendHandlers;
    }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public TurnState State { get; }

    /// <inheritdoc />
    public TurnValues Values { get; }

    /// <inheritdoc />
    public bool Responded => _replies.Count > 0;

    /// <inheritdoc />
    public IReadOnlyList<Activity> Replies => _replies;

    /// <inheritdoc />
    public int EssentialReplyCount { get; set; }

    /// <inheritdoc />
    public string Locale { get; set; } = "en";

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <inheritdoc />
    public Task HoldConversationAsync(CancellationToken cancellationToken) => _lease?.HoldAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public void OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _sendHandlers.Add(handler);
    }

    /// <inheritdoc />
    public Task SendActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        SendActivitiesAsync([activity], cancellationToken);

    /// <inheritdoc />
    public Task SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return PassSendHandlersAsync([.. activities.Select(Activity.AddressReply)], 0);
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

    private Task PassSendHandlersAsync(IReadOnlyList<Activity> replies, int index)
    {
        if (index < _sendHandlers.Count)
        {
            return _sendHandlers[index](this, replies, () => PassSendHandlersAsync(replies, index + 1));
        }

        _replies.AddRange(replies);
        return Task.CompletedTask;
    }
}
