using System.Collections.Concurrent;
using System.Net.WebSockets;
using CompassionBot.Dialogs.Telemetry;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>
/// The WebSocket streams of this instance, at most one per conversation: a new stream for a conversation closes the
/// previous one (reason <c>collision</c>), because a client reconnecting after a network drop must win over its own
/// half-dead socket.
/// </summary>
internal sealed partial class DirectLineStreamHub(
    IDirectLineStore store,
    IDirectLineNotifier notifier,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineStreamHub> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineStream> _streams = new(StringComparer.Ordinal);

    /// <summary>Number of open streams (for tests and metrics).</summary>
    public int OpenStreams => _streams.Count;

    /// <summary>Streams the conversation to <paramref name="socket"/> from <paramref name="watermark"/> until either side closes.</summary>
    public async Task RunAsync(string conversationId, WebSocket socket, long watermark, CancellationToken cancellationToken)
    {
        using var stream = new DirectLineStream(conversationId, socket, watermark, store, notifier, options.Value.KeepAliveInterval, time, logger);
        var previous = default(DirectLineStream);
        _streams.AddOrUpdate(conversationId, stream, (_, existing) =>
        {
            previous = existing;
            return stream;
        });
        if (previous is not null)
        {
            LogCollision(logger, conversationId);
            previous.Collide();
        }

        try
        {
            await stream.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _streams.TryRemove(KeyValuePair.Create(conversationId, stream));
        }
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "A new stream for conversation {ConversationId} replaces the open one")]
    private static partial void LogCollision(ILogger logger, LogId conversationId);
}
