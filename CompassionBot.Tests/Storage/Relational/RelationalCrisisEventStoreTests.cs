using System.Collections.Concurrent;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage.Relational;

/// <summary>
/// <see cref="RelationalCrisisEventStore"/> on SQLite and on PostgreSQL: the audit log, and the alert outbox's claims
/// as several instances (independent store instances on one database) see them.
/// </summary>
public sealed class RelationalCrisisEventStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordAsync_SameEventTwice_KeepsOneEventAndOneAlert(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        var recorded = Event("e1", T0) with { MessageText = "kept on request" };

        Assert.True(await sut.RecordAsync(recorded, Ct));
        Assert.False(await sut.RecordAsync(recorded with { Level = RiskLevel.Concern }, Ct));

        var listed = Assert.Single(await new RelationalCrisisEventStore(database.OpenDatabase()).ListAsync("sms", "c1", Ct));
        Assert.Equal((recorded.Id, recorded.OccurredAt, recorded.Level, recorded.Region, recorded.MessageText), (listed.Id, listed.OccurredAt, listed.Level, listed.Region, listed.MessageText));
        Assert.Equal(recorded.Rules, listed.Rules);
        var alert = Assert.Single(await sut.ClaimDueAsync(T0, Lease, 10, Ct));
        Assert.Equal(("e1", T0, "sms", "c1", RiskLevel.Crisis, 0), (alert.EventId, alert.OccurredAt, alert.ChannelId, alert.ConversationId, alert.Level, alert.Attempts));
        Assert.Equal(recorded.Rules, alert.Rules);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimDueAsync_LeaseRunsOut_AnotherInstanceTakesOverAndOnlyItMayMarkDelivered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var first = new RelationalCrisisEventStore(database.OpenDatabase());
        var second = new RelationalCrisisEventStore(database.OpenDatabase());
        await first.RecordAsync(Event("e1", T0), Ct);
        var held = Assert.Single(await first.ClaimDueAsync(T0, Lease, 10, Ct));

        Assert.Empty(await second.ClaimDueAsync(T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, Ct));
        Assert.Equal(T0 + Lease, await second.NextDueAsync(Ct));
        var takenOver = Assert.Single(await second.ClaimDueAsync(T0 + Lease, Lease, 10, Ct));

        Assert.NotEqual(held.Claim, takenOver.Claim);
        Assert.False(await first.MarkDeliveredAsync(held, T0 + Lease, Ct));
        Assert.False(await first.MarkFailedAsync(held, T0 + Lease, "HTTP 503", Ct));
        Assert.True(await second.MarkDeliveredAsync(takenOver, T0 + Lease, Ct));
        Assert.False(await second.MarkDeliveredAsync(takenOver, T0 + Lease, Ct));
        Assert.Null(await first.NextDueAsync(Ct));
        Assert.Empty(await first.ClaimDueAsync(DateTimeOffset.MaxValue, TimeSpan.Zero, 10, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarkFailedAsync_CurrentClaim_ReleasesItAndCountsTheAttempt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        await sut.RecordAsync(Event("e1", T0), Ct);
        var claimed = Assert.Single(await sut.ClaimDueAsync(T0, Lease, 10, Ct));
        var retryAt = T0 + TimeSpan.FromSeconds(30);

        Assert.True(await sut.MarkFailedAsync(claimed, retryAt, "HTTP 503", Ct));

        Assert.Equal(retryAt, await sut.NextDueAsync(Ct));
        Assert.Empty(await sut.ClaimDueAsync(retryAt - TimeSpan.FromMilliseconds(1), Lease, 10, Ct));
        var again = Assert.Single(await sut.ClaimDueAsync(retryAt, Lease, 10, Ct));
        Assert.Equal(1, again.Attempts);
        Assert.False(await sut.MarkDeliveredAsync(claimed, retryAt, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimDueAsync_SeveralDue_OldestDueFirstUpToMax(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        await sut.RecordAsync(Event("late", T0 + TimeSpan.FromSeconds(2)), Ct);
        await sut.RecordAsync(Event("early", T0), Ct);
        await sut.RecordAsync(Event("future", T0 + TimeSpan.FromHours(1)), Ct);

        var claimed = await sut.ClaimDueAsync(T0 + TimeSpan.FromSeconds(5), Lease, 10, Ct);
        Assert.True(await sut.MarkDeliveredAsync(claimed[1], T0 + TimeSpan.FromSeconds(6), Ct));
        var next = await sut.ClaimDueAsync(T0 + TimeSpan.FromHours(1), Lease, 1, Ct);

        Assert.Equal(["early", "late"], claimed.Select(a => a.EventId));
        Assert.Equal(["early"], next.Select(a => a.EventId)); // its lease ran out undelivered; still the oldest due
        Assert.Equal(["future"], (await sut.ClaimDueAsync(T0 + TimeSpan.FromHours(1), Lease, 5, Ct)).Select(a => a.EventId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimDueAsync_TwoInstancesRace_EachAlertClaimedExactlyOnce(string provider)
    {
        const int alerts = 60;
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var writer = new RelationalCrisisEventStore(database.OpenDatabase());
        for (var i = 0; i < alerts; i++)
        {
            await writer.RecordAsync(Event($"e{i:D2}", T0), Ct);
        }

        var claims = new ConcurrentBag<string>();
        var instances = new[] { new RelationalCrisisEventStore(database.OpenDatabase()), new RelationalCrisisEventStore(database.OpenDatabase()) };

        await Task.WhenAll(instances.Select(instance => Task.Run(
            async () =>
            {
                while (await instance.ClaimDueAsync(T0, Lease, 3, Ct) is { Count: > 0 } claimed)
                {
                    foreach (var alert in claimed)
                    {
                        claims.Add(alert.EventId);
                    }
                }
            },
            Ct)));

        Assert.Equal(alerts, claims.Count);
        Assert.Equal(alerts, claims.Distinct(StringComparer.Ordinal).Count());
    }

    private static CrisisEvent Event(string id, DateTimeOffset at) =>
        new(id, at, "sms", "c1", RiskLevel.Crisis, ["suicide.explicit", "means.access"], "US", null);
}
