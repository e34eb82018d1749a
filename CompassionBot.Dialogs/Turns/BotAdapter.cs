using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Telemetry;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Runs one turn for any channel: conversation gate → load state → middleware → bot → commit state → deliver
/// replies. A turn whose commit loses an ETag race (another instance wrote first) runs again on fresh state; its
/// replies are only delivered after a successful commit, so nothing is said twice. A turn that fails goes to the
/// <see cref="ITurnErrorHandler"/>; when even its state cannot be saved (the store takes no writes), only its essential
/// replies (<see cref="ITurnContext.EssentialReplyCount"/>) are delivered. Middleware run in their
/// <see cref="ITurnMiddleware.Order"/>; every <see cref="ITurnObserver"/> is told of each turn that ran. With a
/// <see cref="DeliveryDeduplication"/>, an activity whose turn already committed is answered from its record instead.
/// </summary>
public sealed partial class BotAdapter
{
    /// <summary>How many times a turn is run before a persistent conflict is treated as an error.</summary>
    public const int MaxAttempts = 5;

    private readonly BotStateStore _stateStore;
    private readonly IReadOnlyList<ITurnMiddleware> _middleware;
    private readonly ITurnHandler _bot;
    private readonly ITurnErrorHandler _errorHandler;
    private readonly ConversationGate _gate;
    private readonly ILogger<BotAdapter> _logger;
    private readonly BotMetrics? _metrics;
    private readonly IReadOnlyList<ITurnObserver> _observers;
    private readonly DeliveryDeduplication? _deduplication;

    /// <summary>
    /// Creates the adapter; turns are counted and timed on <paramref name="metrics"/> when given, and each ended turn is
    /// shown to the <paramref name="observers"/>; repeated deliveries are recognised with <paramref name="deduplication"/>
    /// when given.
    /// </summary>
    public BotAdapter(
        BotStateStore stateStore,
        IEnumerable<ITurnMiddleware> middleware,
        ITurnHandler bot,
        ITurnErrorHandler errorHandler,
        ConversationGate gate,
        ILogger<BotAdapter> logger,
        BotMetrics? metrics = null,
        IEnumerable<ITurnObserver>? observers = null,
        DeliveryDeduplication? deduplication = null)
    {
        ArgumentNullException.ThrowIfNull(stateStore);
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(errorHandler);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(logger);
        _stateStore = stateStore;
        _middleware = [.. middleware.OrderBy(m => m.Order)];
        _bot = bot;
        _errorHandler = errorHandler;
        _gate = gate;
        _logger = logger;
        _metrics = metrics;
        _observers = [.. observers ?? []];
        _deduplication = deduplication;
    }

    /// <summary>Processes <paramref name="activity"/> and delivers the replies through <paramref name="sender"/>.</summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, IChannelSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(sender);
        var startedAt = _metrics?.StartTurn() ?? 0;
        using var span = StartSpan(activity);
        TurnContext? ended = null;
        var failed = true;
        try
        {
            var conversationKey = StateKeys.Conversation(activity);
            await using var lease = await _gate.EnterAsync(conversationKey, cancellationToken).ConfigureAwait(false);
            var (context, turnFailed, earlier) = await RunCommittedTurnAsync(activity, sender, lease, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                LogRepeatedDelivery(_logger, activity.ChannelId, activity.Conversation?.Id);
                failed = false;
                return new TurnResult(earlier.Replies ?? [], Failed: false) { InvokeResponse = earlier.InvokeResponse, IsRepeat = true };
            }

            ended = context!;
            if (ended.Replies.Count > 0)
            {
                await sender.SendAsync(ended.Replies, cancellationToken).ConfigureAwait(false);
            }

            failed = turnFailed;
            return new TurnResult(ended.Replies, failed) { InvokeResponse = ended.InvokeResponse };
        }
        finally
        {
            EndTurn(span, activity, ended, failed, startedAt);
        }
    }

    private static System.Diagnostics.Activity? StartSpan(Activity activity)
    {
        var span = BotTelemetry.ActivitySource.StartActivity(BotTelemetry.TurnSpanName);
        span?.SetTag(TelemetryTags.Channel, TelemetryTags.ChannelValue(activity.ChannelId));
        span?.SetTag(TelemetryTags.ActivityType, TelemetryTags.ActivityTypeValue(activity.Type));
        return span;
    }

    // A turn whose replies could not be delivered (or that was cancelled) counts as failed.
    private void EndTurn(System.Diagnostics.Activity? span, Activity activity, TurnContext? ended, bool failed, long startedAt)
    {
        if (span is not null)
        {
            span.SetTag(TelemetryTags.Outcome, failed ? BotMetrics.Failed : BotMetrics.Completed);
            if (failed)
            {
                span.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            }
        }

        _metrics?.RecordTurn(activity.ChannelId, activity.Type, failed, startedAt);
        if (ended is not null)
        {
            foreach (var observer in _observers)
            {
                observer.OnTurnEnded(ended, span);
            }
        }
    }

    // Each attempt reads the deliveries record with its state, so a repeat is recognised also when its first delivery
    // committed (on another instance) while this attempt ran; Earlier is then set and the context null.
    private async Task<(TurnContext? Context, bool Failed, EarlierAnswer? Earlier)> RunCommittedTurnAsync(
        Activity activity, IChannelSender sender, IConversationLease lease, CancellationToken cancellationToken)
    {
        var turnStorage = lease.Storage;
        for (var attempt = 1; ; attempt++)
        {
            var state = await _stateStore.LoadAsync(activity, turnStorage, cancellationToken).ConfigureAwait(false);
            if (_deduplication?.FindEarlier(activity, state) is { } earlier)
            {
                return (null, false, earlier);
            }

            var context = new TurnContext(activity, state, sender, lease);
            try
            {
                await RunPipelineAsync(context, 0, cancellationToken).ConfigureAwait(false);
                _deduplication?.Record(activity, state, context.Replies, context.InvokeResponse);
                await _stateStore.SaveAsync(state, turnStorage, cancellationToken).ConfigureAwait(false);
                return (context, false, null);
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                LogTurnConflict(_logger, activity.ChannelId, activity.Conversation?.Id, attempt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await HandleErrorAsync(activity, turnStorage, context, exception, cancellationToken).ConfigureAwait(false);
                return (context, true, null);
            }
        }
    }

    private async Task HandleErrorAsync(
        Activity activity, IStorage? turnStorage, TurnContext failed, Exception exception, CancellationToken cancellationToken)
    {
        // The error handler works on freshly loaded state, so a half-finished turn's changes are never saved.
        var state = await _stateStore.LoadAsync(activity, turnStorage, cancellationToken).ConfigureAwait(false);
        var context = new TurnContext(failed, state);
        await _errorHandler.OnTurnErrorAsync(context, exception, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Activity> replies = context.Replies;
        _deduplication?.Record(activity, state, replies, context.InvokeResponse);
        try
        {
            await _stateStore.SaveAsync(state, turnStorage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception saveFailure) when (saveFailure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store takes no writes (disk full, database down): the conversation stays as it was, so only the essential
            // replies (the safety answer), which hold whatever is stored, go out. Anything else would claim what was not saved.
            replies = [.. context.Replies.Take(context.EssentialReplyCount)];
            LogErrorStateUnsaved(_logger, activity.ChannelId, activity.Conversation?.Id, replies.Count, saveFailure);
        }

        failed.ReplaceReplies(replies);
    }

    private Task RunPipelineAsync(ITurnContext context, int index, CancellationToken cancellationToken) =>
        index < _middleware.Count
            ? _middleware[index].OnTurnAsync(context, ct => RunPipelineAsync(context, index + 1, ct), cancellationToken)
            : _bot.OnTurnAsync(context, cancellationToken);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Critical, Message = "State could not be saved on {ChannelId} conversation {ConversationId}, even after the turn error; only its essential replies ({ReplyCount}) are delivered")]
    private static partial void LogErrorStateUnsaved(ILogger logger, LogId channelId, ConversationLogId conversationId, int replyCount, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "A repeated delivery on {ChannelId} conversation {ConversationId} was answered from its first turn; the turn is not run again")]
    private static partial void LogRepeatedDelivery(ILogger logger, LogId channelId, ConversationLogId conversationId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "State conflict on {ChannelId} conversation {ConversationId}; running the turn again (attempt {Attempt})")]
    private static partial void LogTurnConflict(ILogger logger, LogId channelId, ConversationLogId conversationId, int attempt);
}
