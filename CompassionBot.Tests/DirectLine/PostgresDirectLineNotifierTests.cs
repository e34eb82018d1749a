using System.Text.Json;
using System.Threading.Channels;
using CompassionBot.Dialogs.Schema;
using CompassionBot.DirectLine;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// Notifications between instances on one PostgreSQL database (LISTEN/NOTIFY). PostgreSQL only: with SQLite there is
/// one instance and <see cref="InProcessDirectLineNotifier"/>.
/// </summary>
public sealed class PostgresDirectLineNotifierTests(PostgresServer server) : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _listeners = [];
    private TemporaryPostgresDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_listeners);
        _stop.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task PublishAsync_OnOneInstance_ReachesSubscribersOnAnother()
    {
        var publisher = Open();
        var sut = Open();
        using var inbox = new Inbox(sut, "c1");
        await ListenAsync(sut, inbox);

        await publisher.PublishAsync(new DirectLineNotification("c1", 5, null), Ct);

        Assert.Equal(new DirectLineNotification("c1", 5, null), await inbox.NextAsync());
    }

    [Fact]
    public async Task PublishAsync_OwnNotification_DeliveredLocallyOnceNotAgainFromTheDatabase()
    {
        var sut = Open();
        var other = Open();
        using var inbox = new Inbox(sut, "c1");
        await ListenAsync(sut, inbox);

        await sut.PublishAsync(new DirectLineNotification("c1", 1, null), Ct);
        await other.PublishAsync(new DirectLineNotification("c1", 2, null), Ct);

        // NOTIFYs arrive in commit order: an echo of the first would come before the second.
        Assert.Equal(1, (await inbox.NextAsync()).Watermark);
        Assert.Equal(2, (await inbox.NextAsync()).Watermark);
    }

    [Fact]
    public async Task PublishAsync_Typing_ReachesOtherInstanceWithoutTextNamesOrChannelData()
    {
        var publisher = Open();
        var sut = Open();
        using var inbox = new Inbox(sut, "c1");
        await ListenAsync(sut, inbox);
        var typing = new Activity
        {
            Type = ActivityTypes.Typing,
            Id = "c1|typing-1",
            Text = "I feel awful",
            ChannelId = DirectLineConversationService.ChannelId,
            Conversation = new ConversationAccount { Id = "c1" },
            From = new ChannelAccount { Id = "dl_user", Name = "Ana", Role = "user" },
            ChannelData = JsonDocument.Parse("""{"clientActivityID":"secret-note"}""").RootElement,
        };

        await publisher.PublishAsync(new DirectLineNotification("c1", null, typing), Ct);
        var received = await inbox.NextAsync();

        var activity = Assert.IsType<Activity>(received.Ephemeral);
        Assert.Equal((ActivityTypes.Typing, "c1|typing-1", "dl_user", "user", "c1"), (activity.Type, activity.Id, activity.From!.Id, activity.From.Role, activity.Conversation!.Id));
        Assert.Null(activity.Text);
        Assert.Null(activity.From.Name);
        Assert.Null(activity.ChannelData);
        Assert.Null(received.Watermark);
    }

    [Fact]
    public void Serialize_TooLargeForNotify_DropsTypingKeepsWatermark()
    {
        var sut = Open();
        var typing = new Activity { Type = ActivityTypes.Typing, Id = new string('x', PostgresDirectLineNotifier.MaxPayloadBytes) };

        var withWatermark = sut.Serialize(new DirectLineNotification("c1", 7, typing));
        var typingOnly = sut.Serialize(new DirectLineNotification("c1", null, typing));

        Assert.NotNull(withWatermark);
        Assert.DoesNotContain("xxx", withWatermark, StringComparison.Ordinal);
        Assert.Contains("\"watermark\":7", withWatermark, StringComparison.Ordinal);
        Assert.Null(typingOnly);
    }

    [Fact]
    public async Task ListenAsync_ConnectionTerminated_ReconnectsAndTellsSubscribersToReRead()
    {
        var sut = Open();
        var publisher = Open();
        using var inbox = new Inbox(sut, "c1");
        await ListenAsync(sut, inbox);

        await TerminateListenersAsync();
        await publisher.PublishAsync(new DirectLineNotification("c1", 3, null), Ct);
        var received = await inbox.NextAsync();
        while (received.Watermark is not null)
        {
            received = await inbox.NextAsync();
        }

        Assert.Equal(new DirectLineNotification("c1", null, null), received);
        await publisher.PublishAsync(new DirectLineNotification("c1", 4, null), Ct);
        while (received.Watermark != 4)
        {
            received = await inbox.NextAsync();
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(6, 16)]
    [InlineData(7, 30)]
    [InlineData(1000, 30)]
    public void Backoff_Failures_NoneThenDoublingUpToThirtySeconds(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PostgresDirectLineNotifier.Backoff(failures));

    private PostgresDirectLineNotifier Open() =>
        new(_database!.OpenDatabase(), TimeProvider.System, NullLogger<PostgresDirectLineNotifier>.Instance);

    // Starts listening and waits until it does: the first thing a subscriber hears is the call to re-read.
    private async Task ListenAsync(PostgresDirectLineNotifier notifier, Inbox inbox)
    {
        _listeners.Add(notifier.ListenAsync(_stop.Token));
        Assert.Equal(new DirectLineNotification(inbox.ConversationId, null, null), await inbox.NextAsync());
    }

    private async Task TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
            connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }

    private sealed class Inbox : IDisposable
    {
        private readonly Channel<DirectLineNotification> _received = Channel.CreateUnbounded<DirectLineNotification>();
        private readonly IDisposable _subscription;

        public Inbox(IDirectLineNotifier notifier, string conversationId)
        {
            ConversationId = conversationId;
            _subscription = notifier.Subscribe(conversationId, n => _received.Writer.TryWrite(n));
        }

        public string ConversationId { get; }

        public async Task<DirectLineNotification> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            return await _received.Reader.ReadAsync(timeout.Token);
        }

        public void Dispose() => _subscription.Dispose();
    }
}
