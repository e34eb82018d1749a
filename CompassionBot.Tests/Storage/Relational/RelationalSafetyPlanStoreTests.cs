using CompassionBot.Dialogs.Safety;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage.Relational;

/// <summary><see cref="RelationalSafetyPlanStore"/> on SQLite and on PostgreSQL.</summary>
public sealed class RelationalSafetyPlanStoreTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetAsync_ThenGetFromAnotherInstance_ReturnsLatestPlan(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalSafetyPlanStore(database.OpenDatabase());
        await sut.SetAsync("sms", "+15555550100", new SafetyPlan("first", DateTimeOffset.FromUnixTimeSeconds(1)), Ct);
        await sut.SetAsync("sms", "+15555550100", new SafetyPlan("second", DateTimeOffset.FromUnixTimeSeconds(2)), Ct);

        var plan = await new RelationalSafetyPlanStore(database.OpenDatabase()).GetAsync("sms", "+15555550100", Ct);

        Assert.Equal(new SafetyPlan("second", DateTimeOffset.FromUnixTimeSeconds(2)), plan);
        Assert.Null(await sut.GetAsync("msteams", "+15555550100", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RemoveAsync_PlanOnFile_RemovesIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalSafetyPlanStore(database.OpenDatabase());
        await sut.SetAsync("test", "u1", new SafetyPlan("plan", DateTimeOffset.UnixEpoch), Ct);

        Assert.True(await sut.RemoveAsync("test", "u1", Ct));
        Assert.False(await sut.RemoveAsync("test", "u1", Ct));
        Assert.Null(await sut.GetAsync("test", "u1", Ct));
    }
}
