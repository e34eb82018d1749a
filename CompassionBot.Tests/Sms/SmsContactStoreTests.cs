using CompassionBot.Sms;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Sms;

/// <summary>Contact records, each store on its own database instance as if in another process.</summary>
public abstract class SmsContactStoreTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryRecordInboundAsync_SameSidOnSixInstancesAtOnce_OnlyOneRecords()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => NewStore()).ToList();

        var recorded = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryRecordInboundAsync("SMsame", Ct), Ct)));

        Assert.Single(recorded, r => r);
    }

    [Fact]
    public async Task ContactIdAsync_FirstTextSeenByFourInstancesAtOnce_OneIdForTheNumber()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        var ids = await Task.WhenAll(stores.Select(s => Task.Run(() => s.ContactIdAsync(SmsTestHost.Client, Ct), Ct)));

        Assert.Single(ids.Distinct());
        Assert.Equal(SmsTestHost.Client, await NewStore().PhoneAsync(ids[0], Ct));
    }

    [Fact]
    public async Task RecordConsentAsync_AfterOptOut_HasConsentAndIsNoLongerOptedOut()
    {
        var sut = NewStore();
        await sut.OptOutAsync(SmsTestHost.Client, "keyword", Ct);
        var before = await sut.StatusAsync(SmsTestHost.Client, Ct);

        await sut.RecordConsentAsync(new SmsConsent(SmsTestHost.Client, "dr-test", _time.GetUtcNow(), "web-form", "I agree."), Ct);

        var after = await NewStore().StatusAsync(SmsTestHost.Client, Ct);
        Assert.Equal((false, true), (before.HasConsent, before.OptedOut));
        Assert.Equal((true, false, true), (after.HasConsent, after.OptedOut, after.MayMessage));
        Assert.Equal(before.ContactId, after.ContactId);
    }

    [Fact]
    public async Task OptOutAsync_Twice_SecondReportsAlreadyOptedOut()
    {
        var sut = NewStore();

        var first = await sut.OptOutAsync(SmsTestHost.Client, "keyword", Ct);
        var second = await sut.OptOutAsync(SmsTestHost.Client, "carrier", Ct);
        var optIn = await sut.OptInAsync(SmsTestHost.Client, Ct);

        Assert.Equal([true, false, true], new[] { first, second, optIn });
    }

    private SmsContactStore NewStore() => new(Database.OpenDatabase(), _time, NullLogger<SmsContactStore>.Instance);
}
