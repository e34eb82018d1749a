using System.Text.Json;
using System.Text;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Storage.Postgres;
using Dapper;
using Npgsql;

namespace CompassionBot.DirectLine;

/// <summary>
/// <see cref="IDirectLineNotifier"/> for several instances on one PostgreSQL database (<c>Storage:Provider=Postgres</c>).
/// A notification reaches this instance's subscribers at once and the other instances through
/// <c>NOTIFY directline</c>; <see cref="ListenAsync"/> keeps one connection listening and hands what arrives to local
/// subscribers, who read the new activities from the store after their own watermark.
/// </summary>
/// <remarks>
/// A notification that never arrives (the listening connection dropped, a <c>NOTIFY</c> failed) loses nothing: after
/// every (re)connection each local stream is told to re-read from its watermark, and the next notification of a
/// conversation makes its streams read everything they have not sent yet.
/// </remarks>
internal sealed partial class PostgresDirectLineNotifier : IDirectLineNotifier
{
    /// <summary>The <c>LISTEN</c>/<c>NOTIFY</c> channel.</summary>
    public const string Channel = "directline";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // How long the listener waits for a notification before it checks that its connection is still alive.
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    private readonly InProcessDirectLineNotifier _local = new();
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresDirectLineNotifier> _logger;

    public PostgresDirectLineNotifier(PostgresDatabase database, TimeProvider time, ILogger<PostgresDirectLineNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _time = time;
        _logger = logger;
    }

    public async Task PublishAsync(DirectLineNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _local.Publish(notification);
        var payload = Serialize(notification);
        if (payload is null)
        {
            LogPayloadTooLarge(_logger, notification.ConversationId);
            return;
        }

        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_notify(@channel, @payload)", new { channel = Channel, payload }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The activities are stored: other instances' streams get them with the conversation's next notification,
            // on reconnection, or by polling. The turn must not fail for it.
            LogPublishFailed(_logger, ex, notification.ConversationId);
        }
    }

    public IDisposable Subscribe(string conversationId, Action<DirectLineNotification> onNotification) =>
        _local.Subscribe(conversationId, onNotification);

    /// <summary>
    /// Listens for other instances' notifications until <paramref name="cancellationToken"/> fires, reconnecting
    /// (at once, then after 1, 2, 4, ... up to 30 seconds) whenever the connection fails.
    /// </summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListenOnceAsync(() => failures = 0, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A background loop never dies: the next attempt may well succeed (failover, restart).
                failures++;
                var delay = Backoff(failures);
                LogListenFailed(_logger, ex, _database.Description, delay);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The payload for <paramref name="notification"/>, or null when even without typing it is too large.</summary>
    internal string? Serialize(DirectLineNotification notification)
    {
        var typing = notification.Ephemeral is null ? null : JsonSerializer.Serialize(Strip(notification.Ephemeral), BotJsonContext.Default.Activity);
        var payload = JsonSerializer.Serialize(
            new DirectLineNotificationPayload(_origin, notification.ConversationId, notification.Watermark, typing),
            DirectLineJsonContext.Default.DirectLineNotificationPayload);
        if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes)
        {
            return payload;
        }

        // A typing indicator is only a courtesy: other instances do without it rather than fail.
        return notification.Watermark is null ? null : Serialize(notification with { Ephemeral = null });
    }

    /// <summary>The wait before reconnection attempt <paramref name="failures"/>: none, then 1, 2, 4, ... up to 30 seconds.</summary>
    internal static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 2, 16)));

    // Other instances need only what Web Chat shows for typing: who, in which conversation, when. Nothing a client
    // put in the activity's text or channelData leaves this instance.
    private static Activity Strip(Activity activity) => new()
    {
        Type = activity.Type,
        Id = activity.Id,
        Timestamp = activity.Timestamp,
        ChannelId = activity.ChannelId,
        Conversation = activity.Conversation is null ? null : new ConversationAccount { Id = activity.Conversation.Id },
        From = activity.From is null ? null : new ChannelAccount { Id = activity.From.Id, Role = activity.From.Role },
        Recipient = activity.Recipient is null ? null : new ChannelAccount { Id = activity.Recipient.Id, Role = activity.Recipient.Role },
    };

    private async Task ListenOnceAsync(Action onListening, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += OnNotification;
            try
            {
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                onListening();
                LogListening(_logger, _database.Description);

                // Whatever other instances appended while nobody here listened is in the store: re-read it now.
                _local.PublishToEveryConversation();
                while (true)
                {
                    if (!await connection.WaitAsync(Heartbeat, cancellationToken).ConfigureAwait(false))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                connection.Notification -= OnNotification;
            }
        }
    }

    private void OnNotification(object? sender, NpgsqlNotificationEventArgs e)
    {
        if (!string.Equals(e.Channel, Channel, StringComparison.Ordinal))
        {
            return;
        }

        DirectLineNotification notification;
        try
        {
            var payload = JsonSerializer.Deserialize(e.Payload, DirectLineJsonContext.Default.DirectLineNotificationPayload);
            if (payload is null || string.Equals(payload.Origin, _origin, StringComparison.Ordinal) || string.IsNullOrEmpty(payload.ConversationId))
            {
                return;
            }

            var typing = payload.Typing is null ? null : JsonSerializer.Deserialize(payload.Typing, BotJsonContext.Default.Activity);
            notification = new DirectLineNotification(payload.ConversationId, payload.Watermark, typing);
        }
        catch (JsonException)
        {
            LogMalformedPayload(_logger, e.PID);
            return;
        }

        _local.Publish(notification);
    }

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Listening for Direct Line notifications on {Database}")]
    private static partial void LogListening(ILogger logger, LogId database);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Warning, Message = "Listening for Direct Line notifications on {Database} failed; retrying in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, LogId database, TimeSpan delay);

    [LoggerMessage(EventId = 6032, Level = LogLevel.Warning, Message = "Notifying other instances about conversation {ConversationId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, LogId conversationId);

    [LoggerMessage(EventId = 6033, Level = LogLevel.Warning, Message = "The notification about conversation {ConversationId} is too large for NOTIFY; other instances will not get it")]
    private static partial void LogPayloadTooLarge(ILogger logger, LogId conversationId);

    [LoggerMessage(EventId = 6034, Level = LogLevel.Warning, Message = "Ignored a malformed Direct Line notification from server process {ProcessId}")]
    private static partial void LogMalformedPayload(ILogger logger, int processId);
}
