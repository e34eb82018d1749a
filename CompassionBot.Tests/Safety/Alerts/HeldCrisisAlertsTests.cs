using System.Net;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Safety.Alerts;

/// <summary>
/// Alerts of events the store could not record: held in memory, sent directly, and put on record (with the outbox)
/// once the store takes writes again. The same through a real full disk: <c>DiskFullTests</c>.
/// </summary>
public sealed class HeldCrisisAlertsTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventUnrecordable_WebhookDown_QueuedOnceWritesReturnAndDeliveredByTheOutbox()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        webhook.Down = true;
        var clock = new FakeTimeProvider();
        var store = new ObservedCrisisStore<RelationalCrisisEventStore> { RefuseRecords = true };
        await using var factory = new BotApplicationFactory(
            new Dictionary<string, string?> { ["Safety:AlertWebhookUrl"] = webhook.Url.ToString(), ["Safety:AlertRetryDelay"] = "00:00:00" },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<ICrisisAlertOutbox>(sp => store.Attach(sp.GetRequiredService<RelationalCrisisEventStore>()));
            });
        using var http = factory.CreateClient();
        var conversation = new TestConversation(factory.Services, "webchat", "en-US");

        await conversation.SendAsync("I want to kill myself", Ct);
        var direct = await webhook.WaitForAsync(r => r.AnsweredDown, Patience);
        Assert.Empty(await store.ListAsync("webchat", conversation.Conversation.Id!, Ct));
        store.RefuseRecords = false;

        // The readiness probe's write succeeds: writes are back, and the held event goes on record, its alert queued.
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var queued = await store.Failed.WaitAsync(Patience, Ct);
        webhook.Down = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        factory.Services.GetRequiredService<CrisisAlertSignal>().Notify();
        var delivered = await store.Delivered.WaitAsync(Patience, Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal([direct.IdempotencyKey, direct.IdempotencyKey], [queued, delivered]);
        Assert.Equal(delivered, Assert.Single(await store.ListAsync("webchat", conversation.Conversation.Id!, Ct)).Id);
        Assert.All(webhook.Requests, r => Assert.Equal(delivered, r.IdempotencyKey));
        Assert.Single(webhook.Requests, r => !r.AnsweredDown);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordDeliveredAsync_AlertSentDirectly_OnRecordAndNeverSentAgain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        var at = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);
        var crisisEvent = new CrisisEvent("e1", at, "webchat", "c-1", RiskLevel.Crisis, ["suicide.explicit"], "US", null) { EnrolmentId = "enr-1", Clinician = "dr-test" };

        var recorded = await sut.RecordDeliveredAsync(crisisEvent, at.AddSeconds(2), Ct);
        var again = await sut.RecordAsync(crisisEvent, Ct);

        Assert.True(recorded);
        Assert.False(again);
        Assert.Equal(("e1", "enr-1", "dr-test"), Assert.Single(await sut.ListAsync("webchat", "c-1", Ct)) is var e ? (e.Id, e.EnrolmentId, e.Clinician) : default);
        Assert.Null(await sut.NextDueAsync(Ct));
        Assert.Empty(await sut.ClaimDueAsync(DateTimeOffset.MaxValue, TimeSpan.Zero, 10, Ct));
    }
}
