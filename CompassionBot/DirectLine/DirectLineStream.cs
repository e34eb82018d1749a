using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Telemetry;

namespace CompassionBot.DirectLine;

/// <summary>
/// One open WebSocket stream: replays the log from the client's watermark, then sends each new activity (as an
/// ActivitySet frame with the new watermark), typing indicators (no watermark) and empty keep-alive frames.
/// Frames from the client are read and ignored. One loop writes to the socket, so frames never interleave.
/// </summary>
internal sealed partial class DirectLineStream(
    string conversationId,
    WebSocket socket,
    long watermark,
    IDirectLineStore store,
    IDirectLineNotifier notifier,
    TimeSpan keepAliveInterval,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    private static readonly Signal Activities = new(SignalKind.Activities, null);
    private static readonly Signal KeepAlive = new(SignalKind.KeepAlive, null);
    private static readonly Signal Collision = new(SignalKind.Collision, null);

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<Signal> _signals = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private long _watermark = watermark;

    private enum SignalKind
    {
        Activities,
        Ephemeral,
        KeepAlive,
        Collision,
    }

    /// <summary>Asks this stream to close with reason <c>collision</c> (a newer stream took over).</summary>
    public void Collide() => _signals.Writer.TryWrite(Collision);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var token = linked.Token;
        using var subscription = notifier.Subscribe(conversationId, OnNotification);
        _signals.Writer.TryWrite(Activities);
        var receiving = ReceiveUntilClosedAsync(token);
        var keepingAlive = SendKeepAlivesAsync(token);
        try
        {
            await SendLoopAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client closed, or the host is stopping.
        }
        catch (WebSocketException exception)
        {
            LogStreamBroken(logger, conversationId, exception.WebSocketErrorCode);
        }
        finally
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);

            // Let the client answer the close frame before the connection goes: aborting at once can reset the
            // connection before the client has read why it was closed.
            await WaitQuietlyAsync(receiving, CloseHandshakeTimeout).ConfigureAwait(false);
            await _stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(receiving, keepingAlive).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stop.Dispose();

    private void OnNotification(DirectLineNotification notification) =>
        _signals.Writer.TryWrite(notification.Ephemeral is null ? Activities : new Signal(SignalKind.Ephemeral, notification.Ephemeral));

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var signal in _signals.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (signal.Kind)
            {
                case SignalKind.Activities:
                    await SendNewActivitiesAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case SignalKind.Ephemeral:
                    await SendSetAsync(new ActivitySet([signal.Activity!], null), cancellationToken).ConfigureAwait(false);
                    break;
                case SignalKind.KeepAlive:
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                    break;
                case SignalKind.Collision:
                    await CloseAsync(WebSocketCloseStatus.PolicyViolation, "collision").ConfigureAwait(false);
                    return;
            }
        }
    }

    private async Task SendNewActivitiesAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await store.ReadAsync(conversationId, _watermark, DirectLineConversationService.PageSize, cancellationToken).ConfigureAwait(false);
            if (stored.Count == 0)
            {
                return;
            }

            _watermark = stored[^1].Watermark;
            var set = new ActivitySet([.. stored.Select(s => s.Activity)], DirectLineIds.FormatWatermark(_watermark));
            await SendSetAsync(set, cancellationToken).ConfigureAwait(false);
            if (stored.Count < DirectLineConversationService.PageSize)
            {
                return;
            }
        }
    }

    private Task SendSetAsync(ActivitySet set, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, BotJsonContext.Default.ActivitySet), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task ReceiveUntilClosedAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted: the send loop stops below.
        }

        await _stop.CancelAsync().ConfigureAwait(false);
    }

    private async Task SendKeepAlivesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(keepAliveInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                _signals.Writer.TryWrite(KeepAlive);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }

    private async Task WaitQuietlyAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The client did not answer; the connection is dropped below.
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout, time);
            await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            LogCloseFailed(logger, conversationId);
        }
    }

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Stream of conversation {ConversationId} broke ({ErrorCode})")]
    private static partial void LogStreamBroken(ILogger logger, LogId conversationId, WebSocketError errorCode);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Debug, Message = "Stream of conversation {ConversationId} could not be closed cleanly")]
    private static partial void LogCloseFailed(ILogger logger, LogId conversationId);

    private sealed record Signal(SignalKind Kind, Activity? Activity);
}
