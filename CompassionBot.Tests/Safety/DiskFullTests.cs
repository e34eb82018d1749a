using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Hosting;
using CompassionBot.Safety.Alerts;
using CompassionBot.Storage;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Safety;

/// <summary>
/// The real service on a SQLite file in a small tmpfs that fills up (writes fail with "database or disk is full"):
/// a crisis message still gets its referral, the clinician is still alerted, <c>/readyz</c> says so, and everything
/// recovers when space returns.
/// </summary>
public sealed class DiskFullTests
{
    private const string CrisisText = "I want to kill myself";
    private const int StateUnsavedEvent = 1005;
    private const int AlertHeldEvent = 2108;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CrisisMessage_DiskFull_GetsOnlyTheReferralInTheResponse()
    {
        await using var sut = await FullDiskService.StartAsync();
        await sut.FillAsync();

        var texts = MessagesClient.Texts(await sut.Crisis.SayAsync(CrisisText, FullDiskService.Ct));

        var messages = sut.Service<MessageCatalog>();
        Assert.Equal(3, texts.Count);
        Assert.Equal(messages.Get("crisis.referral", "en"), texts[0]);
        Assert.Equal(messages.Get("referral.US", "en"), texts[1]);
        Assert.Contains("988", texts[1], StringComparison.Ordinal);

        // Nothing was recorded, so no alert is promised and no fresh start is claimed.
        Assert.EndsWith("Please let your clinician know too.", texts[2], StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t == messages.Get("error.turn", "en"));
        Assert.Contains(sut.Logs.Entries, e => e.EventId.Id == StateUnsavedEvent && e.Level == LogLevel.Critical);
        Assert.Contains(sut.Logs.Entries, e => e.EventId.Id == AlertHeldEvent && e.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task CrisisMessage_DiskFull_AlertPostedToTheWebhookDirectly()
    {
        await using var sut = await FullDiskService.StartAsync();
        await sut.FillAsync();

        await sut.Crisis.SayAsync(CrisisText, FullDiskService.Ct);
        var sent = await sut.Webhook.WaitForAsync(r => r.Body.Contains(sut.Crisis.ConversationId, StringComparison.Ordinal), Patience);

        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(sent.IdempotencyKey, root.GetProperty("eventId").GetString());
        Assert.Equal(sent.IdempotencyKey, root.GetProperty("alertId").GetString());
        Assert.Equal(("event", "crisis", "line-given"), (root.GetProperty("kind").GetString(), root.GetProperty("level").GetString(), root.GetProperty("outcome").GetString()));
        Assert.Equal("emulator", root.GetProperty("channelId").GetString());
        Assert.Empty(await sut.EventRowsAsync());
    }

    [Fact]
    public async Task Readyz_DiskFull_Answers503WritesFailing()
    {
        await using var sut = await FullDiskService.StartAsync();
        await sut.FillAsync();

        await sut.Crisis.SayAsync(CrisisText, FullDiskService.Ct);
        var (status, storage) = await sut.GetReadyAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(StorageReadiness.WritesFailing, storage.GetProperty("reason").GetString());
        Assert.False(storage.GetProperty("writable").GetBoolean());
        Assert.True(storage.GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task DiskFull_SpaceReturns_ReadyAgainAlertOnRecordDeliveredOnceAndConversationsGoOn()
    {
        await using var sut = await FullDiskService.StartAsync();
        await sut.FillAsync();
        await sut.Crisis.SayAsync(CrisisText, FullDiskService.Ct);
        var direct = await sut.Webhook.WaitForAsync(r => r.Body.Contains(sut.Crisis.ConversationId, StringComparison.Ordinal), Patience);

        sut.Disk.Free();
        var (status, _) = await sut.GetReadyAsync();
        var recorded = await sut.Observed.RecordedDelivered.WaitAsync(Patience, FullDiskService.Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(direct.IdempotencyKey, recorded);
        Assert.Equal([(recorded, 1L, true)], await sut.OutboxRowsAsync());
        Assert.Equal(0, await sut.Service<IEnumerable<IHostedService>>().OfType<CrisisAlertDispatcher>().Single().DeliverDueAsync(FullDiskService.Ct));
        Assert.Single(sut.Webhook.Requests, r => r.IdempotencyKey == recorded);

        var menu = MessagesClient.Texts(await sut.Person.SayAsync("menu", FullDiskService.Ct));
        Assert.NotEmpty(menu);
        Assert.DoesNotContain(sut.Logs.Entries, e => e.EventId.Id == 1002 && e.Message.Contains(sut.Person.ConversationId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await sut.GetReadyAsync()).Status);
    }

    [Fact]
    public async Task SmsCrisis_DiskFull_ReferralTextedAndAlertNamesTheEnrolment()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var disk = await TmpfsMount.MountAsync(16 * 1024 * 1024);
        await using var webhook = await FakeWebhook.StartAsync();
        var file = Path.Combine(disk.Path, "bot.db");
        await using var sut = await StartSmsAsync(file, webhook);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        // A check-in goes out first, so that the crisis text answers it (marking it answered is a write too).
        var sent = sut.Twilio.BodiesTo(SmsTestHost.Client).Count;
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();
        Assert.Equal(sent + 1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count);
        await FillAsync(disk, file, ct);

        var texts = await sut.TextAsync(SmsTestHost.Client, CrisisText);
        var alert = await webhook.WaitForAsync(r => r.Body.Contains("\"kind\":\"event\"", StringComparison.Ordinal), Patience);

        Assert.Contains(texts, t => t.Contains("988", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(alert.Body);
        Assert.Equal((enrolmentId, "dr-test"), (json.RootElement.GetProperty("enrolmentId").GetString(), json.RootElement.GetProperty("clinician").GetString()));
        Assert.Equal("twilio-sms", json.RootElement.GetProperty("channelId").GetString());
    }

    [Fact]
    public async Task SmsCrisis_DiskFull_NeverSeenNumberGetsTheReferralAndTheClinicianAlert()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var disk = await TmpfsMount.MountAsync(16 * 1024 * 1024);
        await using var webhook = await FakeWebhook.StartAsync();
        var file = Path.Combine(disk.Path, "bot.db");
        await using var sut = await StartSmsAsync(file, webhook);
        const string Stranger = "+15005550123";
        await FillAsync(disk, file, ct);

        using var response = await sut.PostSmsAsync(Stranger, CrisisText);
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();
        var texts = sut.Twilio.BodiesTo(Stranger);
        var alert = await webhook.WaitForAsync(r => r.Body.Contains("\"kind\":\"event\"", StringComparison.Ordinal), Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(texts, t => t.Contains("988", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(alert.Body);
        Assert.Equal("twilio-sms", json.RootElement.GetProperty("channelId").GetString());
        Assert.DoesNotContain(Stranger, alert.Body, StringComparison.Ordinal);
    }

    // The SMS service on a SQLite file (on the tmpfs the test fills) with alerts to a loopback webhook.
    private static Task<SmsTestHost> StartSmsAsync(string databaseFile, FakeWebhook webhook) =>
        SmsTestHost.StartAsync(
            new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["ConnectionStrings:Sqlite"] = $"Data Source={databaseFile}",
                ["Safety:AlertWebhookUrl"] = webhook.Url.ToString(),
                ["Safety:AlertRetryDelay"] = "00:00:00",
            });

    // Empties the SQLite log first: room the log already holds would take new writes however full the disk is.
    internal static async Task FillAsync(TmpfsMount disk, string databaseFile, CancellationToken cancellationToken)
    {
        await using (var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            Assert.True(await reader.ReadAsync(cancellationToken));
            Assert.Equal(0L, reader.GetInt64(0)); // not blocked by a reader or writer
        }

        await disk.FillAsync();
    }

    /// <summary>The service on a SQLite file in a 16 MB tmpfs, a loopback webhook, a fake clock and collected logs.</summary>
    private sealed class FullDiskService : IAsyncDisposable
    {
        private readonly BotApplicationFactory _factory;
        private readonly HttpClient _http;
        private readonly string _file;

        private FullDiskService(TmpfsMount disk, FakeWebhook webhook)
        {
            Disk = disk;
            Webhook = webhook;
            _file = Path.Combine(disk.Path, "bot.db");
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["ConnectionStrings:Sqlite"] = $"Data Source={_file}",
                ["Safety:AlertWebhookUrl"] = webhook.Url.ToString(),
                ["Safety:AlertRetryDelay"] = "00:00:00",
            };
            _factory = new BotApplicationFactory(settings, services =>
            {
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero)));
                services.AddSingleton<ILoggerProvider>(Logs);
                services.AddSingleton<ICrisisAlertOutbox>(sp => Observed.Attach(sp.GetRequiredService<RelationalCrisisEventStore>()));
            });
            _http = _factory.CreateClient();
            Person = new MessagesClient(_http, "person-" + Guid.NewGuid().ToString("N"));
            Crisis = new MessagesClient(_http, "crisis-" + Guid.NewGuid().ToString("N"), "user-2")
            {
                // Teams sends one; its conversation reference is a write too.
                ServiceUrl = "https://smba.trafficmanager.net/amer/",
            };
        }

        public static CancellationToken Ct => TestContext.Current.CancellationToken;

        public TmpfsMount Disk { get; }

        public FakeWebhook Webhook { get; }

        public CollectingLoggerProvider Logs { get; } = new();

        public ObservedCrisisStore<RelationalCrisisEventStore> Observed { get; } = new();

        /// <summary>Has talked to the bot before the disk fills.</summary>
        public MessagesClient Person { get; }

        /// <summary>Writes for the first time once the disk is full.</summary>
        public MessagesClient Crisis { get; }

        public static async Task<FullDiskService> StartAsync()
        {
            var sut = new FullDiskService(await TmpfsMount.MountAsync(16 * 1024 * 1024), await FakeWebhook.StartAsync());
            try
            {
                Assert.Equal(HttpStatusCode.OK, (await sut.GetReadyAsync()).Status);
                Assert.NotEmpty(await sut.Person.SayAsync("hi", FullDiskService.Ct));
                return sut;
            }
            catch
            {
                await sut.DisposeAsync();
                throw;
            }
        }

        public T Service<T>()
            where T : notnull => _factory.Services.GetRequiredService<T>();

        public Task FillAsync() => DiskFullTests.FillAsync(Disk, _file, Ct);

        public async Task<(HttpStatusCode Status, JsonElement Storage)> GetReadyAsync()
        {
            using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return (response.StatusCode, json.RootElement.GetProperty("checks").GetProperty("storage").Clone());
        }

        public async Task<IReadOnlyList<string>> EventRowsAsync()
        {
            await using var connection = await Service<IRelationalDatabase>().OpenConnectionAsync(Ct);
            return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT id FROM crisis_events;", cancellationToken: Ct))];
        }

        public async Task<IReadOnlyList<(string AlertId, long Attempts, bool Delivered)>> OutboxRowsAsync()
        {
            await using var connection = await Service<IRelationalDatabase>().OpenConnectionAsync(Ct);
            var rows = await connection.QueryAsync<(string AlertId, long Attempts, long? DeliveredAt)>(
                new CommandDefinition("SELECT alert_id, attempts, delivered_at FROM crisis_alert_outbox;", cancellationToken: Ct));
            return [.. rows.Select(r => (r.AlertId, r.Attempts, r.DeliveredAt is not null))];
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _factory.DisposeAsync();
            await Webhook.DisposeAsync();
            await Disk.DisposeAsync();
        }
    }
}
