using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Safety.Alerts;

/// <summary>
/// Several instances' dispatchers on one outbox (independent database and store instances, like processes), on SQLite
/// and on PostgreSQL, delivering to one loopback webhook: each alert reaches the clinician once.
/// </summary>
public sealed class CrisisAlertDispatcherTests(PostgresServer server) : IAsyncDisposable
{
    private static readonly CrisisAlertOptions Settings = new() { AlertRetryDelay = TimeSpan.Zero, AlertTimeout = TimeSpan.FromSeconds(10) };
    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeliverDueAsync_TwoInstancesRaceOnManyAlerts_DeliverEachExactlyOnce(string provider)
    {
        const int alerts = 45;
        await using var database = await TestDatabase.CreateAsync(provider, server);
        await using var webhook = await FakeWebhook.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var raising = new RelationalCrisisEventStore(database.OpenDatabase());
        for (var i = 0; i < alerts; i++)
        {
            await raising.RecordAsync(Event($"e{i:D2}", clock.GetUtcNow()), Ct);
        }

        var instances = new[] { Dispatcher(database, webhook, clock), Dispatcher(database, webhook, clock) };

        var delivered = await Task.WhenAll(instances.Select(sut => Task.Run(() => DrainAsync(sut), Ct)));

        Assert.Equal(alerts, delivered.Sum());
        var keys = webhook.Requests.Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(alerts, keys.Count);
        Assert.Equal(Enumerable.Range(0, alerts).Select(i => $"e{i:D2}"), keys.Order(StringComparer.Ordinal));
        Assert.Null(await raising.NextDueAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeliverDueAsync_ClaimingInstanceDiedMidDelivery_OtherInstanceDeliversOnceAfterTheLease(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        await using var webhook = await FakeWebhook.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var lease = CrisisAlertDispatcher.LeaseFor(Settings);

        // The instance that raised the alert claims it for delivery, then dies before marking it delivered.
        var dead = new RelationalCrisisEventStore(database.OpenDatabase());
        await dead.RecordAsync(Event("e1", clock.GetUtcNow()), Ct);
        var abandoned = Assert.Single(await dead.ClaimDueAsync(clock.GetUtcNow(), lease, 1, Ct));
        var sut = Dispatcher(database, webhook, clock);

        Assert.Equal(0, await sut.DeliverDueAsync(Ct));
        clock.Advance(lease - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await sut.DeliverDueAsync(Ct));
        Assert.Empty(webhook.Requests);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await sut.DeliverDueAsync(Ct));
        clock.Advance(lease * 2);
        Assert.Equal(0, await sut.DeliverDueAsync(Ct));

        Assert.Equal("e1", Assert.Single(webhook.Requests).IdempotencyKey);
        Assert.False(await dead.MarkDeliveredAsync(abandoned, clock.GetUtcNow(), Ct));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    private static async Task<int> DrainAsync(CrisisAlertDispatcher dispatcher)
    {
        var total = 0;
        while (await dispatcher.DeliverDueAsync(Ct) is > 0 and var delivered)
        {
            total += delivered;
        }

        return total;
    }

    /// <summary>One instance's dispatcher: its own database instance, store and HTTP client on the shared database.</summary>
    private CrisisAlertDispatcher Dispatcher(TestDatabase database, FakeWebhook webhook, TimeProvider clock)
    {
        var options = Options.Create(new CrisisAlertOptions
        {
            AlertWebhookUrl = webhook.Url,
            AlertRetryDelay = Settings.AlertRetryDelay,
            AlertTimeout = Settings.AlertTimeout,
        });
        var services = new ServiceCollection();
        services.AddSingleton(options);
        services.AddSingleton(new ClinicOptions());
        services.AddHttpClient<CrisisAlertClient>();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return new CrisisAlertDispatcher(
            new RelationalCrisisEventStore(database.OpenDatabase()),
            provider,
            new CrisisAlertSignal(),
            options,
            clock,
            NullLogger<CrisisAlertDispatcher>.Instance);
    }

    private static CrisisEvent Event(string id, DateTimeOffset at) =>
        new(id, at, "webchat", "c-" + id, RiskLevel.Crisis, ["suicide.explicit"], "US", null);
}
