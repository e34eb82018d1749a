using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage.Sqlite;

public sealed class SqliteConversationReferenceStoreTests
{
    private static StoredConversationReference Reference(string serviceUrl, long at) => new(
        new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = "a:1Xy@thread.skype", TenantId = "tenant-1" },
            User = new ChannelAccount { Id = "29:user" },
            Bot = new ChannelAccount { Id = "28:bot" },
        },
        ServiceUrlVerified: true,
        DateTimeOffset.FromUnixTimeSeconds(at));

    [Fact]
    public async Task SaveAsync_ThenGetFromAnotherInstance_ReturnsTheLatestReference()
    {
        var ct = TestContext.Current.CancellationToken;
        using var file = new TemporarySqliteFile();
        var sut = new SqliteConversationReferenceStore(file.OpenDatabase());
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/amer/", 1), ct);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/emea/", 2), ct);

        var stored = await new SqliteConversationReferenceStore(file.OpenDatabase()).GetAsync("msteams", "a:1Xy@thread.skype", ct);

        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.Reference.ServiceUrl);
        Assert.Equal("tenant-1", stored.Reference.Conversation!.TenantId);
        Assert.Equal("29:user", stored.Reference.User!.Id);
        Assert.True(stored.ServiceUrlVerified);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2), stored.UpdatedAt);
    }

    [Fact]
    public async Task RecordDeliveryAsync_KeptAcrossLaterSaves()
    {
        var ct = TestContext.Current.CancellationToken;
        using var file = new TemporarySqliteFile();
        var sut = new SqliteConversationReferenceStore(file.OpenDatabase());
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/amer/", 1), ct);
        var delivery = new ProactiveDelivery(true, "activity-9", 200, DateTimeOffset.FromUnixTimeSeconds(5));

        await sut.RecordDeliveryAsync("msteams", "a:1Xy@thread.skype", delivery, ct);
        await sut.SaveAsync(Reference("https://smba.trafficmanager.net/amer/", 6), ct);

        Assert.Equal(delivery, (await sut.GetAsync("msteams", "a:1Xy@thread.skype", ct))!.LastDelivery);
    }

    [Fact]
    public async Task GetAsync_UnknownConversation_ReturnsNull()
    {
        using var file = new TemporarySqliteFile();
        var sut = new SqliteConversationReferenceStore(file.OpenDatabase());

        Assert.Null(await sut.GetAsync("msteams", "nobody", TestContext.Current.CancellationToken));
    }
}
