using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Sms;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

/// <summary>What a number without a current opt-in (never enrolled, or opted out) gets, through the signed webhook.</summary>
public abstract class SmsUnenrolledResponderTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private const string Stranger = "+14155552672";
    private const string Crisis = "I want to kill myself";
    private const string Concern = "I feel so hopeless";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero); // 12:00 in New York

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Text_CrisisFromUnenrolledNumber_GetsExactlyOneReferral()
    {
        await using var sut = await StartAsync(Monday);
        var messages = sut.Service<MessageCatalog>();

        var replies = await sut.TextAsync(Stranger, Crisis);

        Assert.Equal(SmsText.Sanitize(messages.Get("crisis.referral", "en")), replies[0]);
        Assert.Single(replies, r => r.Contains("988", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("this number is for clients", StringComparison.Ordinal));
        var crisisEvent = Assert.Single(await EventsAsync(sut, Stranger));
        Assert.Equal(CrisisOutcome.LineGiven, crisisEvent.Outcome);
    }

    [Fact]
    public async Task Text_SpanishCrisisFromUnenrolledNumber_GetsTheReferralInSpanish()
    {
        await using var sut = await StartAsync(Monday);

        var replies = await sut.TextAsync(Stranger, "me quiero morir");

        Assert.Single(replies, r => r.Contains("Llama al 988 y marca 2 para español", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("Call or text 988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_CrisisFromUnenrolledUkNumber_GetsTheUkReferral()
    {
        const string ukPhone = "+447400123456";
        await using var sut = await StartAsync(Monday);

        var replies = await sut.TextAsync(ukPhone, Crisis);

        Assert.Single(replies, r => r.Contains("116 123", StringComparison.Ordinal) && r.Contains("999", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_ConcernFromUnenrolledNumber_GetsTheReferralNotAScreeningQuestion()
    {
        // Without a conversation there is nobody to ask a follow-up question of: the referral goes at once.
        await using var sut = await StartAsync(Monday);

        var replies = await sut.TextAsync(Stranger, Concern);

        Assert.Single(replies, r => r.Contains("988", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("killing yourself", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_OrdinaryMessagesFromUnenrolledNumber_OneNoticeThenNothing()
    {
        await using var sut = await StartAsync(Monday);

        var first = await sut.TextAsync(Stranger, "hi");
        var second = await sut.TextAsync(Stranger, "hello? is anyone there");

        var notice = Assert.Single(first);
        Assert.Contains(SmsTestHost.ClinicName, notice, StringComparison.Ordinal);
        Assert.Contains("call or text 988", notice, StringComparison.Ordinal);
        Assert.Contains("call 911", notice, StringComparison.Ordinal);
        Assert.True(Gsm7.FitsOneSegment(notice), notice);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Text_NoticeAlreadySent_AnotherInstanceSendsNothingEither()
    {
        // The record that the notice went is in the clinic database, not in one process.
        await using var sut = await StartAsync(Monday);
        await using var other = sut.StartAnotherInstance();
        await sut.TextAsync(Stranger, "hi");

        var later = await other.TextAsync(Stranger, "hi again");

        Assert.Empty(later);
    }

    [Fact]
    public async Task Text_SpanishMessageFromUnenrolledNumber_GetsTheNoticeInSpanish()
    {
        await using var sut = await StartAsync(Monday);

        var notice = Assert.Single(await sut.TextAsync(Stranger, "hola, quiero una cita por favor"));

        Assert.StartsWith(SmsTestHost.ClinicName + ": este numero es para clientes", notice, StringComparison.Ordinal);
        Assert.Contains("988", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_NoticeRefusedByTwilio_TheNextMessageGetsIt()
    {
        await using var sut = await StartAsync(Monday);
        sut.Twilio.FailNext(400, 21211);

        var refused = await sut.TextAsync(Stranger, "hi");
        var next = await sut.TextAsync(Stranger, "hi");

        Assert.Empty(refused);
        Assert.Contains(SmsTestHost.ClinicName, Assert.Single(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_CrisisAfterTheNotice_StillGetsTheReferral()
    {
        await using var sut = await StartAsync(Monday);
        await sut.TextAsync(Stranger, "hi");

        var replies = await sut.TextAsync(Stranger, Crisis);

        Assert.Single(replies, r => r.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_HelpFromUnenrolledNumber_IsAnsweredByTheKeywordNotTheNotice()
    {
        await using var sut = await StartAsync(Monday);

        var help = await sut.TextAsync(Stranger, "HELP");
        var hi = await sut.TextAsync(Stranger, "hi");

        Assert.Contains("not monitored for emergencies", Assert.Single(help), StringComparison.Ordinal);
        Assert.Contains("this number is for clients", Assert.Single(hi), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_AfterTheNoticeAndThenEnrolment_GetsOrdinaryReplies()
    {
        await using var sut = await StartAsync(Monday);
        await sut.TextAsync(Stranger, "hi");
        await sut.EnrolAsync(Stranger);

        var menu = await sut.TextAsync(Stranger, "menu");

        Assert.NotEmpty(menu);
        Assert.DoesNotContain(menu, r => r.Contains("this number is for clients", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_CrisisFromOptedOutNumberRefused21610_OneAttemptRecordedAsNotReached()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "STOP");
        var before = sut.Twilio.Attempts.Count(a => a.To == SmsTestHost.Client);
        sut.Twilio.FailNext(400, TwilioSmsGateway.UnsubscribedRecipientCode);

        var delivered = await sut.TextAsync(SmsTestHost.Client, Crisis);

        var attempt = Assert.Single(sut.Twilio.Attempts.Where(a => a.To == SmsTestHost.Client).Skip(before));
        Assert.Equal(400, attempt.Status);
        Assert.Empty(delivered);
        var crisisEvent = Assert.Single(await EventsAsync(sut, SmsTestHost.Client));
        Assert.Equal(CrisisOutcome.NotReached, crisisEvent.Outcome);
        Assert.Equal(Monday, crisisEvent.OutcomeAt);
    }

    [Fact]
    public async Task Text_CrisisFromOptedOutNumberTwilioAccepts_GetsTheReferralAndNothingElse()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        var referral = await sut.TextAsync(SmsTestHost.Client, Crisis);
        var afterwards = await sut.TextAsync(SmsTestHost.Client, "ok");

        Assert.Single(referral, r => r.Contains("988", StringComparison.Ordinal));
        Assert.Empty(afterwards);
        Assert.Equal(CrisisOutcome.LineGiven, Assert.Single(await EventsAsync(sut, SmsTestHost.Client)).Outcome);
    }

    [Fact]
    public async Task Text_OrdinaryMessageFromOptedOutNumber_GetsNoNotice()
    {
        await using var sut = await StartAsync(Monday);
        await sut.TextAsync(Stranger, "STOP");

        var replies = await sut.TextAsync(Stranger, "hi");

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Text_CrisisFromEnrolledNumberRefused21610_GetsTheGatesReferralRecordedAsNotReached()
    {
        // Twilio may know of an opt-out this service never saw (a carrier-level STOP).
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        sut.Twilio.FailNext(400, TwilioSmsGateway.UnsubscribedRecipientCode);

        await sut.TextAsync(SmsTestHost.Client, Crisis);

        Assert.Equal(CrisisOutcome.NotReached, Assert.Single(await EventsAsync(sut, SmsTestHost.Client)).Outcome);
        Assert.True((await sut.Service<SmsContactStore>().StatusAsync(SmsTestHost.Client, Ct)).OptedOut);
    }

    [Fact]
    public async Task Text_ConcernFromEnrolledNumber_GetsTheScreeningQuestionAsBefore()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var replies = await sut.TextAsync(SmsTestHost.Client, Concern);

        Assert.Equal([SmsText.Sanitize(sut.Service<MessageCatalog>().Get("screening.ask", "en"))], replies);
        Assert.Empty(await EventsAsync(sut, SmsTestHost.Client));
    }

    [Fact]
    public async Task Text_OrdinaryMessageFromEnrolledNumber_GetsNoNotice()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var replies = await sut.TextAsync(SmsTestHost.Client, "hi");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Contains("this number is for clients", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<CrisisEvent>> EventsAsync(SmsTestHost host, string phone)
    {
        var contactId = await host.Service<SmsContactStore>().ContactIdAsync(phone, Ct);
        return await host.Service<ICrisisEventStore>().ListAsync(SmsWebhookHandler.ChannelId, contactId, Ct);
    }
}
