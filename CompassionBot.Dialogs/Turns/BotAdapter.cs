using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Runs one turn for any channel: conversation gate → load state → middleware → bot → commit state → deliver
/// replies. A turn whose commit loses an ETag race (another instance wrote first) runs again on fresh state; its
/// replies are only delivered after a successful commit, so nothing is said twice.
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

    /// <summary>Creates the adapter.</summary>
    public BotAdapter(
        BotStateStore stateStore,
        IEnumerable<ITurnMiddleware> middleware,
        ITurnHandler bot,
        ITurnErrorHandler errorHandler,
        ConversationGate gate,
        ILogger<BotAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(stateStore);
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(errorHandler);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(logger);
        _stateStore = stateStore;
        _middleware = [.. middleware];
        _bot = bot;
        _errorHandler = errorHandler;
        _gate = gate;
        _logger = logger;
    }

    /// <summary>Processes <paramref name="activity"/> and delivers the replies through <paramref name="sender"/>.</summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, IChannelSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(sender);
        var conversationKey = StateKeys.Conversation(activity);
        await using var lease = await _gate.EnterAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        var (context, failed) = await RunCommittedTurnAsync(activity, sender, cancellationToken).ConfigureAwait(false);
        if (context.Replies.Count > 0)
        {
            await sender.SendAsync(context.Replies, cancellationToken).ConfigureAwait(false);
        }

        return new TurnResult(context.Replies, failed) { InvokeResponse = context.InvokeResponse };
    }

    private async Task<(TurnContext Context, bool Failed)> RunCommittedTurnAsync(Activity activity, IChannelSender sender, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await _stateStore.LoadAsync(activity, cancellationToken).ConfigureAwait(false);
            var context = new TurnContext(activity, state, sender);
            try
            {
                await RunPipelineAsync(context, 0, cancellationToken).ConfigureAwait(false);
                await _stateStore.SaveAsync(state, cancellationToken).ConfigureAwait(false);
                return (context, false);
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                LogTurnConflict(_logger, activity.ChannelId, activity.Conversation?.Id, attempt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await HandleErrorAsync(activity, sender, context, exception, cancellationToken).ConfigureAwait(false);
                return (context, true);
            }
        }
    }

    private async Task HandleErrorAsync(Activity activity, IChannelSender sender, TurnContext failed, Exception exception, CancellationToken cancellationToken)
    {
        // The error handler works on freshly loaded state, so a half-finished turn's changes are never saved.
        var state = await _stateStore.LoadAsync(activity, cancellationToken).ConfigureAwait(false);
        var context = new TurnContext(activity, state, sender) { Safety = failed.Safety };
        await _errorHandler.OnTurnErrorAsync(context, exception, cancellationToken).ConfigureAwait(false);
        await _stateStore.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        failed.ReplaceReplies(context.Replies);
    }

    private Task RunPipelineAsync(ITurnContext context, int index, CancellationToken cancellationToken) =>
        index < _middleware.Count
            ? _middleware[index].OnTurnAsync(context, ct => RunPipelineAsync(context, index + 1, ct), cancellationToken)
            : _bot.OnTurnAsync(context, cancellationToken);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "State conflict on {ChannelId} conversation {ConversationId}; running the turn again (attempt {Attempt})")]
    private static partial void LogTurnConflict(ILogger logger, string? channelId, string? conversationId, int attempt);
}
