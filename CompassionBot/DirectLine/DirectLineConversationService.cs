using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>
/// The channel's behaviour behind the endpoints: creates and starts conversations, echoes what a client posts into
/// the log and runs the turn through <see cref="BotAdapter"/>, and reads the log from a watermark. When the log takes
/// no writes (disk full), a posted message is still screened and answered: the turn runs, and what it may say (a crisis
/// referral) goes straight to the conversation's open streams; the post then fails, so the client may send it again.
/// A post the client retries (the same <c>channelData.clientActivityID</c> and content in the same conversation) is
/// answered with the activity id it first got: it is not logged again, and its turn, if it already committed, is not
/// run again (<see cref="DeliveryDeduplication"/>).
/// </summary>
internal sealed partial class DirectLineConversationService(
    IDirectLineStore store,
    IDirectLineNotifier notifier,
    BotAdapter adapter,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineConversationService> logger,
    BotMetrics? metrics = null)
{
    /// <summary>The <c>channelId</c> of activities on this channel.</summary>
    public const string ChannelId = "directline";

    /// <summary>Most activities returned by one GET.</summary>
    public const int PageSize = 500;

    /// <summary>The longest <c>channelData.clientActivityID</c> used to recognise a retried post.</summary>
    public const int MaxClientActivityIdLength = 200;

    private ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    public async Task<DirectLineConversation> CreateAsync(string? userId, CancellationToken cancellationToken)
    {
        var conversation = new DirectLineConversation(DirectLineIds.NewConversation(), userId, time.GetUtcNow(), Started: false);
        await store.CreateConversationAsync(conversation, cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        store.FindConversationAsync(conversationId, cancellationToken);

    /// <summary>
    /// Starts the conversation; the first time, tells the bot the user joined so its welcome is waiting before the
    /// user types. Returns false when it had already been started.
    /// </summary>
    public async Task<bool> StartAsync(DirectLineConversation conversation, string? userId, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!await store.MarkStartedAsync(conversation.Id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var user = new ChannelAccount { Id = userId ?? conversation.UserId ?? DirectLineIds.NewUser(), Role = "user" };
        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = user,
            Recipient = Bot,
            MembersAdded = [user],
            Locale = locale,
        };
        await RunTurnAsync(joined, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Echoes <paramref name="inbound"/> into the log (server id and timestamp, the client's channelData kept, the
    /// sender rewritten to the token's user when the token names one) and runs the turn. Returns the echo's id. When
    /// the echo cannot be written, the turn still runs (the safety gate sees every message) and the store's exception
    /// is thrown afterwards.
    /// </summary>
    public async Task<string> PostAsync(string conversationId, Activity inbound, string? boundUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var sender = (inbound.From ?? new ChannelAccount()) with { Role = "user" };
        if (boundUserId is not null)
        {
            sender = sender with { Id = boundUserId };
        }

        var activity = inbound with
        {
            Id = null,
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = sender,
            Recipient = Bot,
            ServiceUrl = null,
            CallerId = null,
        };

        if (string.Equals(activity.Type, ActivityTypes.Typing, StringComparison.Ordinal))
        {
            activity = activity with { Id = $"{conversationId}|typing-{Guid.NewGuid():N}" };
            await notifier.PublishAsync(new DirectLineNotification(conversationId, null, activity), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                var (stored, appended) = await AppendAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
                activity = stored.Activity;
                if (appended)
                {
                    await notifier.PublishAsync(new DirectLineNotification(conversationId, stored.Watermark, null), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    LogRepeatedPost(logger, conversationId);
                }
            }
            catch (DbException exception)
            {
                LogEchoUnsaved(logger, conversationId);
                await RunTurnAsync(activity with { Id = DirectLineIds.Unsaved(conversationId) }, cancellationToken).ConfigureAwait(false);
                ExceptionDispatchInfo.Throw(exception);
            }
        }

        await RunTurnAsync(activity, cancellationToken).ConfigureAwait(false);
        return activity.Id!;
    }

    // The turn of a retried post still goes to the adapter, which skips it once committed: if the first post's turn never
    // committed (the process died), the retry is what gets the person their answer. A client id reused for a different
    // message is a client's mistake, not a retry: that message is logged and answered as new.
    private async Task<(StoredActivity Stored, bool Appended)> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (ClientActivityId(activity) is { } clientActivityId)
        {
            var (stored, appended) = await store.AppendFromClientAsync(conversationId, activity, clientActivityId, cancellationToken).ConfigureAwait(false);
            if (appended || IsSameContent(stored.Activity, activity))
            {
                return (stored, appended);
            }
        }

        return ((await store.AppendAsync(conversationId, [activity], cancellationToken).ConfigureAwait(false))[0], true);
    }

    private static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
        && channelData.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= MaxClientActivityIdLength } value
            ? value
            : null;

    private static bool IsSameContent(Activity earlier, Activity retried) =>
        string.Equals(earlier.Type, retried.Type, StringComparison.Ordinal)
        && string.Equals(earlier.Text, retried.Text, StringComparison.Ordinal)
        && string.Equals(earlier.Value?.GetRawText(), retried.Value?.GetRawText(), StringComparison.Ordinal);

    public async Task<ActivitySet> GetActivitiesAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(conversationId, afterWatermark, PageSize, cancellationToken).ConfigureAwait(false);
        var watermark = stored.Count > 0 ? stored[^1].Watermark : afterWatermark;
        return new ActivitySet([.. stored.Select(s => s.Activity)], DirectLineIds.FormatWatermark(watermark));
    }

    private async Task RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        // A turn is not abandoned when the client hangs up: the person's message is in the log and deserves its
        // answer. Only the host shutting down (or the caller, before the turn starts) stops it.
        cancellationToken.ThrowIfCancellationRequested();
        var sender = new DirectLineChannelSender(activity.Conversation!.Id!, store, notifier, time, logger, metrics);
        await adapter.ProcessActivityAsync(activity, sender, lifetime.ApplicationStopping).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 6042, Level = LogLevel.Information, Message = "A post to Direct Line conversation {ConversationId} repeated an earlier one (its client activity id); answered with the earlier activity")]
    private static partial void LogRepeatedPost(ILogger logger, LogId conversationId);

    [LoggerMessage(EventId = 6040, Level = LogLevel.Critical, Message = "A message posted to Direct Line conversation {ConversationId} could not be written to its log; its turn runs, and the post fails")]
    private static partial void LogEchoUnsaved(ILogger logger, LogId conversationId);
}
