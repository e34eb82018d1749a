using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Storage.Relational;

/// <summary><see cref="RelationalConversationReferenceStore"/> on SQLite and on PostgreSQL.</summary>
public sealed class RelationalConversationReferenceStoreTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_ThenGetFromAnotherInstance_ReturnsTheLatestReference(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalConversationReferenceStore(database.OpenDatabase(), TimeProvider.System);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/amer/", 1), Ct);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/emea/", 2), Ct);

        var stored = await new RelationalConversationReferenceStore(database.OpenDatabase(), TimeProvider.System).GetAsync("msteams", "a:1Xy@thread.skype", Ct);

        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.Reference.ServiceUrl);
        Assert.Equal("tenant-1", stored.Reference.Conversation!.TenantId);
        Assert.Equal("29:user", stored.Reference.User!.Id);
        Assert.True(stored.ServiceUrlVerified);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2), stored.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_ReferenceUnchangedButForActivityId_IsWrittenAgainOnlyAfterTheRefreshInterval(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1000));
        var sut = new RelationalConversationReferenceStore(database.OpenDatabase(), clock);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/amer/", 1), Ct);

        clock.Advance(RelationalConversationReferenceStore.RefreshInterval - TimeSpan.FromSeconds(1));
        var nextTurn = Reference("https://smba.trafficmanager.net/amer/", 2);
        await sut.SaveAsync(nextTurn with { Reference = nextTurn.Reference with { ActivityId = "activity-2" } }, Ct);
        var skipped = await sut.GetAsync("msteams", "a:1Xy@thread.skype", Ct);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/emea/", 3), Ct);
        var changed = await sut.GetAsync("msteams", "a:1Xy@thread.skype", Ct);
        clock.Advance(RelationalConversationReferenceStore.RefreshInterval);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/emea/", 4), Ct);
        var refreshed = await sut.GetAsync("msteams", "a:1Xy@thread.skype", Ct);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1), skipped!.UpdatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(3), changed!.UpdatedAt);
        Assert.Equal("https://smba.trafficmanager.net/emea/", changed.Reference.ServiceUrl);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(4), refreshed!.UpdatedAt);
    }

    [Fact]
    public async Task SaveAsync_OnSqlite_QueuesBehindTheProcessWriteLockInsteadOfSQLitesBusyHandler()
    {
        using var file = new TemporarySqliteFile();
        using var database = file.OpenDatabase();
        await database.EnsureMigratedAsync(Ct);
        var sut = new RelationalConversationReferenceStore(database, TimeProvider.System);
        await database.WriteLock.WaitAsync(Ct);

        var save = sut.SaveAsync(Reference("https://smba.trafficmanager.net/amer/", 1), Ct);
        var completedWhileHeld = await Task.WhenAny(save, Task.Delay(TimeSpan.FromMilliseconds(300), Ct)) == save;
        database.WriteLock.Release();
        await save.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(completedWhileHeld);
        Assert.NotNull(await sut.GetAsync("msteams", "a:1Xy@thread.skype", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_UnknownConversation_ReturnsNull(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalConversationReferenceStore(database.OpenDatabase(), TimeProvider.System);

        Assert.Null(await sut.GetAsync("msteams", "nobody", Ct));
    }

    private static StoredConversationReference Reference(string serviceUrl, long at, bool verified = true) => new(
        new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = "a:1Xy@thread.skype", TenantId = "tenant-1" },
            User = new ChannelAccount { Id = "29:user" },
            Bot = new ChannelAccount { Id = "28:bot" },
        },
        ServiceUrlVerified: verified,
        DateTimeOffset.FromUnixTimeSeconds(at));
}
