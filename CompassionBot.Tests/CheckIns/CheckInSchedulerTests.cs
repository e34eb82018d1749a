using System.Net.Http.Headers;
using CompassionBot.CheckIns;
using CompassionBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.CheckIns;

public abstract class CheckInSchedulerTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    // Monday 2 March 2026, 12:00 in New York (EST, UTC-5); DST starts Sunday 8 March.
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);
    private const string CheckInText = "Hi, it's your check-in from Riverside Clinic. Want a 2-minute kindness break? Reply 1 yes, 2 later, 3 not today";

    [Fact]
    public async Task Enrol_InsideWindow_SendsConfirmationWithProgramFrequencyRatesHelpAndStop()
    {
        await using var sut = await StartAsync(MondayNoon);

        await sut.EnrolAsync(SmsTestHost.Client);

        var confirmation = Assert.Single(sut.Twilio.BodiesTo(SmsTestHost.Client));
        Assert.Contains(SmsTestHost.ClinicName, confirmation, StringComparison.Ordinal);
        Assert.Contains("up to 3 msgs/week", confirmation, StringComparison.Ordinal);
        Assert.Contains("Msg & data rates may apply", confirmation, StringComparison.Ordinal);
        Assert.Contains("HELP", confirmation, StringComparison.Ordinal);
        Assert.Contains("STOP", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SlotsOnBothSidesOfDstChange_SendAtSixPmLocalOncePerSlot()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);

        var sends = new List<(DateTimeOffset At, int Count)>();
        foreach (var utc in new[]
        {
            new DateTimeOffset(2026, 3, 6, 22, 59, 0, TimeSpan.Zero), // Fri 17:59 EST
            new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero),  // Fri 18:00 EST
            new DateTimeOffset(2026, 3, 6, 23, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 9, 21, 59, 0, TimeSpan.Zero), // Mon 17:59 EDT
            new DateTimeOffset(2026, 3, 9, 22, 0, 0, TimeSpan.Zero),  // Mon 18:00 EDT
            new DateTimeOffset(2026, 3, 9, 22, 1, 0, TimeSpan.Zero),
        })
        {
            sut.Time.SetUtcNow(utc);
            await sut.RunSchedulerAsync();
            await sut.RunSchedulerAsync();
            sends.Add((utc, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText)));
        }

        Assert.Equal([0, 1, 1, 1, 2, 2], sends.Select(s => s.Count));
    }

    [Fact]
    public async Task Run_EnrolledLateAtNight_ConfirmationWaitsForEightAmLocal()
    {
        await using var sut = await StartAsync(new DateTimeOffset(2026, 3, 3, 3, 30, 0, TimeSpan.Zero)); // Mon 22:30 EST

        await sut.EnrolAsync(SmsTestHost.Client);
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 12, 59, 0, TimeSpan.Zero)); // Tue 07:59
        await sut.RunSchedulerAsync();
        var before = sut.Twilio.BodiesTo(SmsTestHost.Client).Count;
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 13, 0, 0, TimeSpan.Zero)); // Tue 08:00
        await sut.RunSchedulerAsync();

        Assert.Equal(0, before);
        Assert.Single(sut.Twilio.BodiesTo(SmsTestHost.Client));
    }

    [Fact]
    public async Task Run_SlotBeforeEightAmLocal_MovesToEightAm()
    {
        await using var sut = await StartAsync(MondayNoon);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client, days: "Tue");
        await sut.Service<CheckInStore>().ChangeTimeAsync(enrolmentId, new TimeOnly(6, 30), TestContext.Current.CancellationToken);

        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 11, 30, 0, TimeSpan.Zero)); // Tue 06:30 EST
        await sut.RunSchedulerAsync();
        var atSlot = sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 13, 0, 0, TimeSpan.Zero)); // Tue 08:00 EST
        await sut.RunSchedulerAsync();

        Assert.Equal(0, atSlot);
        Assert.Equal(1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
    }

    [Fact]
    public async Task Run_CrashBetweenClaimedAndSent_SendsOnceAfterClaimGoesStale()
    {
        await using var sut = await StartAsync(MondayNoon);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var store = sut.Service<CheckInStore>();
        var slot = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);
        sut.Time.SetUtcNow(slot);

        // Another instance claimed the slot and died before sending.
        var enrolment = (await store.GetAsync(enrolmentId, TestContext.Current.CancellationToken))!;
        var dead = new CheckInStore(Database.OpenDatabase(), sut.Time, NullLogger<CheckInStore>.Instance);
        Assert.Equal(ClaimOutcome.Send, (await dead.ClaimSlotAsync(enrolment, slot, slot, TimeSpan.FromMinutes(5), 3, TestContext.Current.CancellationToken)).Outcome);
        await sut.RunSchedulerAsync();
        var whileClaimed = sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);
        sut.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.RunSchedulerAsync();
        await sut.RunSchedulerAsync();
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        await sut.RunSchedulerAsync();

        Assert.Equal(0, whileClaimed);
        Assert.Equal(1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
        Assert.Contains((CheckInStore.SlotKey(enrolmentId, slot), "sent"), await store.SendsAsync(enrolmentId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_ThreeUnansweredCheckIns_LowersFrequencyAndRecordsClinicianNotification()
    {
        await using var sut = await StartAsync(MondayNoon);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        // Mon 2, Wed 4, Fri 6 unanswered; then Mon 9 (lowered: skipped), Wed 11 (sent), Fri 13 (skipped), Mon 16 (sent).
        var slots = new[] { (2, 23), (4, 23), (6, 23), (9, 22), (11, 22), (13, 22), (16, 22) };
        var counts = new List<int>();
        foreach (var (day, hour) in slots)
        {
            sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, day, hour, 0, 0, TimeSpan.Zero));
            await sut.RunSchedulerAsync();
            counts.Add(sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
        }

        Assert.Equal([1, 2, 3, 3, 4, 4, 5], counts);
        var statuses = (await sut.Service<CheckInStore>().SendsAsync(enrolmentId, TestContext.Current.CancellationToken)).Select(s => s.Status).ToList();
        Assert.Equal(["confirmation", "sent", "sent", "sent", "skipped", "sent", "skipped", "sent"], statuses);
        Assert.Equal(1, await CountNotificationsAsync(sut));
    }

    [Fact]
    public async Task Run_ReplyToCheckIn_KeepsFullFrequency()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);

        foreach (var (day, hour) in new[] { (2, 23), (4, 23), (6, 23), (9, 22) })
        {
            sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, day, hour, 0, 0, TimeSpan.Zero));
            await sut.RunSchedulerAsync();
            if (day == 4)
            {
                await sut.TextAsync(SmsTestHost.Client, "3");
            }
        }

        Assert.Equal(4, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
        Assert.Equal(0, await CountNotificationsAsync(sut));
    }

    [Fact]
    public async Task Run_StoppedNumber_GetsNothingUntilStart()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();
        var whileStopped = sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero));
        await sut.TextAsync(SmsTestHost.Client, "START");
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();

        Assert.Equal(0, whileStopped);
        Assert.Equal(1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
    }

    [Fact]
    public async Task Run_PausedByClinicianThenResumed_SkipsOnlyWhilePaused()
    {
        await using var sut = await StartAsync(MondayNoon);
        var id = await sut.EnrolAsync(SmsTestHost.Client);
        await PostAsync(sut, $"/api/clinicians/enrolments/{id}/pause");

        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();
        var whilePaused = sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);
        await PostAsync(sut, $"/api/clinicians/enrolments/{id}/resume");
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();

        Assert.Equal(0, whilePaused);
        Assert.Equal(1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
    }

    [Fact]
    public async Task Text_PauseForAWeek_NoCheckInsForSevenDaysThenResumes()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);

        var reply = await sut.TextAsync(SmsTestHost.Client, "pause for a week");
        var counts = new List<int>();
        foreach (var day in new[] { 2, 4, 6, 9, 11 })
        {
            sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, day, day < 8 ? 23 : 22, 0, 0, TimeSpan.Zero));
            await sut.RunSchedulerAsync();
            counts.Add(sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
        }

        // Paused from Mon 2 noon to Mon 9 noon: the Mon 9 18:00 slot is the first one sent.
        Assert.Contains("paused for 7 days", Assert.Single(reply), StringComparison.Ordinal);
        Assert.Equal([0, 0, 0, 1, 2], counts);
    }

    [Fact]
    public async Task Text_ChangeMyTimeTo7pm_MovesTheNextCheckIn()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);

        var reply = await sut.TextAsync(SmsTestHost.Client, "change my time to 7pm");
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero)); // 18:30 EST
        await sut.RunSchedulerAsync();
        var at1830 = sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)); // 19:00 EST
        await sut.RunSchedulerAsync();

        Assert.Contains("7:00 PM", Assert.Single(reply), StringComparison.Ordinal);
        Assert.Equal(0, at1830);
        Assert.Equal(1, sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText));
    }

    [Fact]
    public async Task Text_OneAfterCheckIn_RunsATwoMinutePracticeOverSmsToTheEnd()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();

        var transcript = new List<string>(await sut.TextAsync(SmsTestHost.Client, "1"));
        for (var turn = 0; turn < 8 && !transcript.Any(t => t.Contains("end of the practice", StringComparison.Ordinal)); turn++)
        {
            transcript.AddRange(await sut.TextAsync(SmsTestHost.Client, "1"));
        }

        Assert.StartsWith("Let's begin:", transcript[0], StringComparison.Ordinal);
        Assert.Contains(transcript, t => t.Contains("end of the practice", StringComparison.Ordinal));

        // Started from a check-in, the practice still asks distress before and after, so the trend is complete.
        Assert.StartsWith("Before we start: how much distress", transcript[1], StringComparison.Ordinal);
        Assert.Contains(transcript, t => t.StartsWith("And now, from 0 (none) to 10 (the most)", StringComparison.Ordinal));
        Assert.All(transcript, t => Assert.True(t.Length <= 160 && CompassionBot.Dialogs.Content.Gsm7.IsEncodable(t), t));
    }

    private static async Task PostAsync(SmsTestHost sut, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);
        using var response = await sut.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<long> CountNotificationsAsync(SmsTestHost sut)
    {
        await using var connection = await sut.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM clinician_notifications WHERE kind = 'unanswered-checkins'", cancellationToken: TestContext.Current.CancellationToken));
    }
}
