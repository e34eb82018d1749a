using System.Globalization;
using CompassionBot.CheckIns;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.CheckIns;

/// <summary>Two service instances on one database, one Twilio fake and one clock: what each person receives.</summary>
public abstract class CheckInDispatcherTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private const string CheckInText = "Hi, it's your check-in from Riverside Clinic. Want a 2-minute kindness break? Reply 1 yes, 2 later, 3 not today";
    private static readonly DateTimeOffset MondayLate = new(2026, 3, 3, 3, 30, 0, TimeSpan.Zero); // Mon 22:30 in New York
    private static readonly DateTimeOffset TuesdayEight = new(2026, 3, 3, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WednesdaySix = new(2026, 3, 4, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunDueAsync_TwoInstancesOverManyDueSlots_SendEachConfirmationAndCheckInOnce()
    {
        await using var sut = await StartAsync(MondayLate);
        await using var other = sut.StartAnotherInstance();
        var phones = Enumerable.Range(0, 8).Select(i => "+1415555" + (3000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var phone in phones)
        {
            await sut.EnrolAsync(phone);
        }

        foreach (var at in new[] { TuesdayEight, TuesdayEight.AddMinutes(1), WednesdaySix, WednesdaySix.AddMinutes(1) })
        {
            sut.Time.SetUtcNow(at);
            await Task.WhenAll(Task.Run(sut.RunSchedulerAsync, TestContext.Current.CancellationToken), Task.Run(other.RunSchedulerAsync, TestContext.Current.CancellationToken));
        }

        Assert.All(phones, phone =>
        {
            var bodies = sut.Twilio.BodiesTo(phone);
            Assert.Equal(2, bodies.Count);
            Assert.Contains("HELP", bodies[0], StringComparison.Ordinal);
            Assert.Equal(CheckInText, bodies[1]);
        });
    }

    [Fact]
    public async Task RunDueAsync_InstanceClaimedAndDied_OtherInstanceSendsOnceAfterTheLease()
    {
        await using var sut = await StartAsync(MondayLate);
        await using var other = sut.StartAnotherInstance();
        var (enrolmentId, enrolment) = await EnrolConfirmedAsync(sut);
        var store = sut.Service<CheckInStore>();
        sut.Time.SetUtcNow(WednesdaySix);
        Assert.Equal(ClaimOutcome.Send, (await store.ClaimSlotAsync(enrolment, WednesdaySix, WednesdaySix, TimeSpan.FromMinutes(5), 3, TestContext.Current.CancellationToken)).Outcome);

        // The first instance stops here, as if killed; the other keeps polling.
        var counts = new List<int>();
        foreach (var minutes in new[] { 1, 4, 5, 6, 30 })
        {
            sut.Time.SetUtcNow(WednesdaySix.AddMinutes(minutes));
            await other.RunSchedulerAsync();
            counts.Add(sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
        }

        Assert.Equal([0, 0, 1, 1, 1], counts);
        Assert.Contains((CheckInStore.SlotKey(enrolmentId, WednesdaySix), "sent"), await store.SendsAsync(enrolmentId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunDueAsync_InstanceDiedAfterHandingCheckInToTwilio_IsNotSentAgainButNextSlotIs()
    {
        await using var sut = await StartAsync(MondayLate);
        await using var other = sut.StartAnotherInstance();
        var (enrolmentId, enrolment) = await EnrolConfirmedAsync(sut);
        var dead = new CheckInStore(Database.OpenDatabase(), sut.Time, NullLogger<CheckInStore>.Instance);
        sut.Time.SetUtcNow(WednesdaySix);
        var claim = await dead.ClaimSlotAsync(enrolment, WednesdaySix, WednesdaySix, TimeSpan.FromMinutes(5), 3, TestContext.Current.CancellationToken);
        Assert.True(await dead.BeginSendAsync(claim, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken));

        foreach (var minutes in new[] { 5, 10, 60 })
        {
            sut.Time.SetUtcNow(WednesdaySix.AddMinutes(minutes));
            await other.RunSchedulerAsync();
        }

        var afterUncertainSlot = sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero)); // Fri 18:00
        await other.RunSchedulerAsync();

        Assert.Equal(0, afterUncertainSlot);
        Assert.Equal(1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
        Assert.Contains((CheckInStore.SlotKey(enrolmentId, WednesdaySix), "unconfirmed"), await dead.SendsAsync(enrolmentId, TestContext.Current.CancellationToken));
    }

    // Enrolled late on Monday, confirmation sent at 08:00 on Tuesday.
    private static async Task<(string Id, CheckInEnrolment Enrolment)> EnrolConfirmedAsync(SmsTestHost sut)
    {
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        sut.Time.SetUtcNow(TuesdayEight);
        await sut.RunSchedulerAsync();
        return (enrolmentId, (await sut.Service<CheckInStore>().GetAsync(enrolmentId, TestContext.Current.CancellationToken))!);
    }
}
