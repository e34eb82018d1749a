using CompassionBot.Dialogs.Turns;
using Polly;

namespace CompassionBot.BotFramework;

/// <summary>
/// The typing indicators of one running message turn. One timer fires first after
/// <see cref="TypingIndicatorMiddleware.InitialDelay"/>, then every <see cref="TypingIndicatorMiddleware.Period"/>;
/// each tick sends one indicator unless the previous one is still on its way. Disposing stops the timer, cancels an
/// indicator in flight and waits for it, so none is sent once the turn has ended. A turn that ends before the first
/// tick (most do) pays only for the timer: no token source, no task, no thread-pool work.
/// </summary>
internal sealed class TypingIndicator : IAsyncDisposable
{
    private readonly ITurnContext _turnContext;
    private readonly ILogger _logger;
    private readonly CancellationToken _turnCancellation;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private CancellationTokenSource? _stop;
    private Task _sent = Task.CompletedTask;
    private bool _stopped;

    public TypingIndicator(ITurnContext turnContext, TimeProvider timeProvider, ILogger logger, CancellationToken turnCancellation)
    {
        _turnContext = turnContext;
        _logger = logger;
        _turnCancellation = turnCancellation;
        _timer = timeProvider.CreateTimer(static state => ((TypingIndicator)state!).Tick(), this, TypingIndicatorMiddleware.InitialDelay, TypingIndicatorMiddleware.Period);
    }

    public async ValueTask DisposeAsync()
    {
        Task sent;
        CancellationTokenSource? stop;
        lock (_gate)
        {
            _stopped = true;
            sent = _sent;
            stop = _stop;
        }

        // A tick that is already running sees _stopped and sends nothing.
        _timer.Dispose();
        if (stop is null)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await sent.ConfigureAwait(false);
        }
        finally
        {
            stop.Dispose();
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            // An indicator still on its way makes this tick wait for the next; a faulted one (a bug, not a lost
            // indicator) stops the indicators and surfaces when the turn ends.
            if (_stopped || !_sent.IsCompletedSuccessfully)
            {
                return;
            }

            _stop ??= CancellationTokenSource.CreateLinkedTokenSource(_turnCancellation);
            _sent = SendAsync(_stop.Token);
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _turnContext.SendTypingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The turn finished while the indicator was being sent.
        }
        catch (Exception exception) when (exception is HttpRequestException or ConnectorException or TimeoutException or ExecutionRejectedException)
        {
            // A lost typing indicator is harmless; the turn goes on. (ExecutionRejectedException: the resilience pipeline
            // gave up, by its timeout or its open circuit.)
            Log.TypingFailed(_logger, exception, _turnContext.Activity.ChannelId, _turnContext.Activity.Conversation?.Id);
        }
    }
}
