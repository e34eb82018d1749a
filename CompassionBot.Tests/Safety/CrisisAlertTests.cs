using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Safety.Alerts;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Safety;

/// <summary>Clinician alerts through the real service: the durable outbox, the webhook, retries and restarts.</summary>
public sealed class CrisisAlertTests(PostgresServer server)
{
    private const string CrisisText = "I want to kill myself";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CrisisTurn_WebhookUp_ReceivesOneAlertWithFieldsAndNoMessageText()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var webhook = await FakeWebhook.StartAsync();
        ObservedCrisisStore<RelationalCrisisEventStore>? store = null;
        await using var factory = new BotApplicationFactory(
            Settings(webhook, ("Clinic:Name", "Riverside Clinic")),
            services => store = Observe<RelationalCrisisEventStore>(services, new FakeTimeProvider()));
        var conversation = new TestConversation(factory.Services, "webchat", "en-US");

        await conversation.SendAsync(CrisisText, ct);
        var deliveredId = await store!.Delivered.WaitAsync(Patience, ct);

        var sent = Assert.Single(webhook.Requests);
        var recorded = Assert.Single(await store.ListAsync("webchat", conversation.Conversation.Id!, ct));
        Assert.Equal(recorded.Id, deliveredId);
        Assert.Null(recorded.MessageText);
        Assert.Equal(("POST", "/alerts", recorded.Id), (sent.Method, sent.Path, sent.IdempotencyKey));
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(recorded.Id, root.GetProperty("eventId").GetString());
        Assert.Equal(recorded.OccurredAt, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("webchat", root.GetProperty("channelId").GetString());
        Assert.Equal(conversation.Conversation.Id, root.GetProperty("conversationId").GetString());
        Assert.Equal("crisis", root.GetProperty("level").GetString());
        Assert.Equal(recorded.Rules, root.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEmpty(recorded.Rules);
        Assert.Equal("Riverside Clinic", root.GetProperty("clinic").GetString());
        Assert.Equal(recorded.Id, root.GetProperty("alertId").GetString());
        Assert.Equal("event", root.GetProperty("kind").GetString());
        Assert.Equal("line-given", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("outcomeAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("enrolmentId").ValueKind); // a web chat is linked to no enrolment
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clinician").ValueKind);
        Assert.Equal(
            ["alertId", "channelId", "clinic", "clinician", "conversationId", "enrolmentId", "eventId", "kind", "level", "occurredAt", "outcome", "outcomeAt", "rules"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("kill", sent.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FalseAlarm_RightAfterTheReferral_SecondAlertSaysPersonSaidFalseAlarmWithTheRecordedText()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var webhook = await FakeWebhook.StartAsync();
        await using var factory = new BotApplicationFactory(Settings(webhook, ("Safety:RecordMessageText", "true")), services => services.AddSingleton<TimeProvider>(new FakeTimeProvider()));
        var conversation = new TestConversation(factory.Services, "webchat", "en-US");

        await conversation.SendAsync(CrisisText, ct);
        var alert = await webhook.WaitForAsync(r => r.Body.Contains("\"kind\":\"event\"", StringComparison.Ordinal), Patience);
        await conversation.SendAsync("lol no I didn't mean it like that, it was a joke", ct);
        var update = await webhook.WaitForAsync(r => r.Body.Contains("\"kind\":\"outcome\"", StringComparison.Ordinal), Patience);

        Assert.Equal($"{alert.IdempotencyKey}:outcome:person-said-false-alarm", update.IdempotencyKey);
        using var json = JsonDocument.Parse(update.Body);
        Assert.Equal("person-said-false-alarm", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(alert.IdempotencyKey, json.RootElement.GetProperty("eventId").GetString());
        Assert.Equal(CrisisText, json.RootElement.GetProperty("messageText").GetString()); // recorded on request, so sent
    }

    [Fact]
    public async Task UnansweredCheckIns_MemoryProvider_NotificationReachesTheWebhook()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await SmsTestHost.StartAsync(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero), Settings(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        foreach (var at in new[] { (2, 23), (4, 23), (6, 23), (9, 22) }.Select(s => new DateTimeOffset(2026, 3, s.Item1, s.Item2, 0, 0, TimeSpan.Zero)))
        {
            sut.Time.SetUtcNow(at);
            await sut.RunSchedulerAsync();
        }

        var sent = await webhook.WaitForAsync(r => r.Body.Contains("\"kind\":\"unanswered-checkins\"", StringComparison.Ordinal), Patience);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal((enrolmentId, "dr-test"), (json.RootElement.GetProperty("enrolmentId").GetString(), json.RootElement.GetProperty("clinician").GetString()));
    }

    [Fact]
    public async Task CrisisTurn_ActivityRedelivered_RecordsOneEventAndOneAlert()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new BotApplicationFactory();
        var conversation = new TestConversation(factory.Services, "msteams", "en-US");
        var activity = new Activity { Type = ActivityTypes.Message, Text = CrisisText, Id = "same-activity" };

        await conversation.SendActivityAsync(activity, ct);
        await conversation.SendActivityAsync(activity, ct);

        var outbox = factory.Services.GetRequiredService<ICrisisAlertOutbox>();
        Assert.Single(await factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("msteams", conversation.Conversation.Id!, ct));
        Assert.Single(await outbox.ClaimDueAsync(DateTimeOffset.MaxValue, TimeSpan.Zero, 10, ct));
    }

    [Fact]
    public async Task CrisisTurn_RecordMessageTextEnabled_KeepsTheText()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Safety:RecordMessageText"] = "true" });
        var conversation = new TestConversation(factory.Services, "test", "en-US");

        await conversation.SendAsync(CrisisText, ct);

        var recorded = Assert.Single(await factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("test", conversation.Conversation.Id!, ct));
        Assert.Equal(CrisisText, recorded.MessageText);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrisisTurn_WebhookDownThenRestart_AlertRetriedWithBackoffAndDeliveredByNextHost(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, server);
        await using var webhook = await FakeWebhook.StartAsync();
        webhook.Down = true;
        var clock = new FakeTimeProvider();
        string eventId;
        var storage = database.Settings.Select(s => (s.Key, s.Value!)).ToArray();

        ObservedCrisisStore<RelationalCrisisEventStore>? first = null;
        await using (var host = new BotApplicationFactory(Settings(webhook, storage), services => first = Observe<RelationalCrisisEventStore>(services, clock)))
        {
            var conversation = new TestConversation(host.Services, "sms", "en-US", userId: "+15555550100");
            await conversation.SendAsync(CrisisText, ct);
            eventId = await first!.Failed.WaitAsync(Patience, ct);
            Assert.Equal(3, webhook.Requests.Count); // the first attempt and its two quick in-line retries
            var options = host.Services.GetRequiredService<IOptions<CrisisAlertOptions>>().Value;
            Assert.Equal(clock.GetUtcNow() + options.AlertInitialBackoff, await first.NextDueAsync(ct));

            // Advance, then wake the dispatcher: the signal is sticky, so this works whether or not it is already waiting.
            first.ExpectFailure();
            clock.Advance(options.AlertInitialBackoff);
            host.Services.GetRequiredService<CrisisAlertSignal>().Notify();
            Assert.Equal(eventId, await first.Failed.WaitAsync(Patience, ct));
            Assert.Equal(6, webhook.Requests.Count);
            Assert.Equal(clock.GetUtcNow() + (2 * options.AlertInitialBackoff), await first.NextDueAsync(ct));
        }

        webhook.Down = false;
        ObservedCrisisStore<RelationalCrisisEventStore>? second = null;
        var later = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromHours(1));
        await using (var host = new BotApplicationFactory(Settings(webhook, storage), services => second = Observe<RelationalCrisisEventStore>(services, later)))
        {
            _ = host.Services;
            Assert.Equal(eventId, await second!.Delivered.WaitAsync(Patience, ct));
        }

        var delivered = webhook.Requests[^1];
        Assert.False(delivered.AnsweredDown);
        Assert.Equal(eventId, delivered.IdempotencyKey);
        Assert.All(webhook.Requests, r => Assert.Equal(eventId, r.IdempotencyKey));
        await using var connection = await database.OpenDatabase().OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Attempts, long? DeliveredAt, string? LastError)>(
            new CommandDefinition("SELECT attempts, delivered_at, last_error FROM crisis_alert_outbox;", cancellationToken: ct));
        var row = Assert.Single(rows);
        Assert.Equal((3L, true, (string?)null), (row.Attempts, row.DeliveredAt is not null, row.LastError));
    }

    [Fact]
    public async Task CrisisTurn_WebhookAsksToRetryInAnHour_RetriesAtOnceAndDeliversOnceWithinTheLease()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var webhook = await FakeWebhook.StartAsync();
        webhook.FailNext = 1;
        webhook.RetryAfter = TimeSpan.FromHours(1);
        var clock = new FakeTimeProvider();
        ObservedCrisisStore<RelationalCrisisEventStore>? store = null;
        await using var factory = new BotApplicationFactory(
            Settings(webhook, ("Safety:AlertRetryDelay", "00:00:01"), ("Safety:AlertTimeout", "00:00:30")),
            services => store = Observe<RelationalCrisisEventStore>(services, clock));
        var lease = CrisisAlertDispatcher.LeaseFor(factory.Services.GetRequiredService<IOptions<CrisisAlertOptions>>().Value);
        var conversation = new TestConversation(factory.Services, "webchat", "en-US");
        var claimedAt = clock.GetUtcNow();

        await conversation.SendAsync(CrisisText, ct);
        await AdvanceUntilAsync(clock, () => webhook.Requests.Count > 0, TimeSpan.Zero, DateTimeOffset.MaxValue);

        // The in-line retry must not wait out the hour the receiver asks for: the claim on the alert would lapse first.
        var deliveredAt = await AdvanceUntilAsync(clock, () => store!.Delivered.IsCompleted, TimeSpan.FromMilliseconds(500), claimedAt + lease);
        Assert.True(deliveredAt is not null, $"The alert was not delivered within its lease ({lease}).");
        var eventId = await store!.Delivered;
        Assert.Equal([(eventId, true), (eventId, false)], webhook.Requests.Select(r => (r.IdempotencyKey, r.AnsweredDown)));

        clock.Advance(TimeSpan.FromHours(2));
        var dispatcher = factory.Services.GetServices<IHostedService>().OfType<CrisisAlertDispatcher>().Single();
        Assert.Equal(0, await dispatcher.DeliverDueAsync(ct));
        Assert.Null(await store.NextDueAsync(ct));
        Assert.Equal(2, webhook.Requests.Count);
    }

    [Theory]
    [InlineData("http://alerts.example.org/hook", "https")]
    [InlineData("/relative", "absolute")]
    public async Task Startup_InvalidWebhookUrl_ExitsWithClearMessage(string url, string expected)
    {
        var (exitCode, output) = await ServiceProcess.RunExpectingStartupFailureAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Memory", ["Safety__AlertWebhookUrl"] = url },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Safety:AlertWebhookUrl", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(FakeWebhook webhook, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Safety:AlertWebhookUrl"] = webhook.Url.ToString(),
            ["Safety:AlertRetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Moves <paramref name="clock"/> forward in <paramref name="step"/>s, letting the host run between steps, until
    /// <paramref name="condition"/> holds (returns the clock's time then) or the clock reaches <paramref name="until"/>
    /// (returns null). A real-time cap only guards against a hang.
    /// </summary>
    private static async Task<DateTimeOffset?> AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, TimeSpan step, DateTimeOffset until)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cap.CancelAfter(Patience);
        while (!condition())
        {
            if (clock.GetUtcNow() >= until)
            {
                return null;
            }

            clock.Advance(step);
            await Task.Delay(5, cap.Token);
        }

        return clock.GetUtcNow();
    }

    private static ObservedCrisisStore<TStore> Observe<TStore>(IServiceCollection services, TimeProvider clock)
        where TStore : class, ICrisisEventStore, ICrisisAlertOutbox
    {
        var observed = new ObservedCrisisStore<TStore>();
        services.AddSingleton(clock);
        services.AddSingleton<ICrisisAlertOutbox>(sp => observed.Attach(sp.GetRequiredService<TStore>()));
        return observed;
    }
}
