using CompassionBot.Dialogs.Safety;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage.Sqlite;

public sealed class SqliteSafetyPlanStoreTests
{
    [Fact]
    public async Task SetAsync_ThenGetFromAnotherInstance_ReturnsLatestPlan()
    {
        var ct = TestContext.Current.CancellationToken;
        using var file = new TemporarySqliteFile();
        var sut = new SqliteSafetyPlanStore(file.OpenDatabase());
        await sut.SetAsync("sms", "+15555550100", new SafetyPlan("first", DateTimeOffset.FromUnixTimeSeconds(1)), ct);
        await sut.SetAsync("sms", "+15555550100", new SafetyPlan("second", DateTimeOffset.FromUnixTimeSeconds(2)), ct);

        var plan = await new SqliteSafetyPlanStore(file.OpenDatabase()).GetAsync("sms", "+15555550100", ct);

        Assert.Equal(new SafetyPlan("second", DateTimeOffset.FromUnixTimeSeconds(2)), plan);
        Assert.Null(await sut.GetAsync("msteams", "+15555550100", ct));
    }

    [Fact]
    public async Task RemoveAsync_PlanOnFile_RemovesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var file = new TemporarySqliteFile();
        var sut = new SqliteSafetyPlanStore(file.OpenDatabase());
        await sut.SetAsync("test", "u1", new SafetyPlan("plan", DateTimeOffset.UnixEpoch), ct);

        Assert.True(await sut.RemoveAsync("test", "u1", ct));
        Assert.False(await sut.RemoveAsync("test", "u1", ct));
        Assert.Null(await sut.GetAsync("test", "u1", ct));
    }
}
