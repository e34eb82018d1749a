using CompassionBot.CheckIns;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Sms;
using CompassionBot.Storage.Relational;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage;

/// <summary>
/// <c>Storage:Provider=Memory</c> keeps every store in memory, bot state and clinic records alike (SMS contacts,
/// check-ins, crisis events, Direct Line logs): a configured SQLite file is never created.
/// </summary>
public sealed class MemoryProviderTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();
    private readonly TempDirectory _data = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _file.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task SmsCheckInsAndCrisis_MemoryProvider_KeepRecordsInMemoryAndCreateNoFile()
    {
        await using var sut = await SmsTestHost.StartAsync(
            new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?> { ["Storage:Provider"] = "Memory", ["ConnectionStrings:Sqlite"] = _file.ConnectionString });

        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        await sut.RunSchedulerAsync();
        await sut.TextAsync(SmsTestHost.Client, "I want to kill myself");

        var contact = await sut.Service<SmsContactStore>().StatusAsync(SmsTestHost.Client, Ct);
        Assert.True(contact.HasConsent);
        Assert.NotEmpty(await sut.Service<CheckInStore>().SendsAsync(enrolmentId, Ct));
        Assert.NotEmpty(await sut.Service<ICrisisEventStore>().ListAsync(SmsWebhookHandler.ChannelId, contact.ContactId, Ct));
        Assert.True(Assert.IsType<SqliteDatabase>(sut.Service<IRelationalDatabase>()).IsInMemory);
        Assert.False(Directory.Exists(_file.Folder));
    }

    [Fact]
    public async Task DirectLine_MemoryProvider_KeepsTheConversationLogInMemoryAndCreatesNoFile()
    {
        await using var factory = new DirectLineAppFactory(_data.Path, settings: new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" });
        using var http = factory.CreateClient();
        var client = new DirectLineTestClient(http);
        var (conversationId, token) = await client.StartAsync();

        using (var sent = await client.PostMessageAsync(conversationId, token, "hello"))
        {
            sent.EnsureSuccessStatusCode();
        }

        var activities = await client.GetActivitiesAsync(conversationId, token);
        Assert.Contains(activities.Activities, a => a.Text == "hello");
        Assert.Empty(Directory.EnumerateFiles(_data.Path, "*.db*"));
    }
}
