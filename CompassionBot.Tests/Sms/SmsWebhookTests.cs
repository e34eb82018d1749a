using System.Net;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Hosting;
using CompassionBot.Sms;
using CompassionBot.Tests.Support;
using Dapper;

namespace CompassionBot.Tests.Sms;

public abstract class SmsWebhookTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero); // 12:00 in New York

    [Fact]
    public async Task Post_ValidSignature_AnswersEmptyTwimlAndRepliesThroughRestApi()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi");
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SmsWebhookHandler.EmptyTwiml, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var replies = sut.Twilio.Delivered.Where(m => m.To == SmsTestHost.Client).ToList();
        Assert.True(replies.Count >= 2); // the enrolment confirmation, then the reply
        Assert.All(replies, m => Assert.Equal(SmsTestHost.BotNumber, m.From));
        Assert.All(replies, m => Assert.Equal($"/2010-04-01/Accounts/{SmsTestHost.AccountSid}/Messages.json", m.Path));
    }

    [Fact]
    public async Task Post_HandlingFailsBeforeTheTurn_TwiliosRetryOfTheSameMessageIsHandled()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await RenameAsync(sut, "checkin_enrolments", "checkin_enrolments_away");

        var failed = await StatusOfAsync(() => sut.PostSmsAsync(SmsTestHost.Client, "hi", messageSid: "SMretried"));
        await RenameAsync(sut, "checkin_enrolments_away", "checkin_enrolments");
        var retried = await sut.TextAsyncWithSid(SmsTestHost.Client, "hi", "SMretried");

        Assert.NotEqual(HttpStatusCode.OK, failed);
        Assert.NotEmpty(retried); // not dropped as a duplicate of the attempt that failed
    }

    private static async Task RenameAsync(SmsTestHost host, string from, string to)
    {
        await using var connection = await host.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"ALTER TABLE {from} RENAME TO {to}", cancellationToken: TestContext.Current.CancellationToken));
    }

    // The test server may hand the service's unhandled exception to the caller instead of a 500.
    private static async Task<HttpStatusCode> StatusOfAsync(Func<Task<HttpResponseMessage>> post)
    {
        try
        {
            using var response = await post();
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return HttpStatusCode.InternalServerError;
        }
    }

    [Fact]
    public async Task Post_MissingSignature_Is403AndNothingProcessed()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        var before = sut.Twilio.Attempts.Count;

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi", messageSid: "SMmissing", signed: false);
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, sut.Twilio.Attempts.Count);
        Assert.NotEmpty(await sut.TextAsyncWithSid(SmsTestHost.Client, "hi", "SMmissing")); // the MessageSid was not recorded
    }

    [Fact]
    public async Task Post_WrongSignature_Is403AndNothingProcessed()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        var before = sut.Twilio.Attempts.Count;

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi", signature: "bm90IHRoZSBzaWduYXR1cmU=");
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, sut.Twilio.Attempts.Count);
    }

    [Fact]
    public async Task Post_SignedForInternalUrlBehindProxy_Is403BecauseTwilioSignsThePublicUrl()
    {
        await using var sut = await StartAsync(Monday);
        var form = new Dictionary<string, string> { ["MessageSid"] = "SMproxy", ["From"] = SmsTestHost.Client, ["Body"] = "hi" };
        var internalSignature = TwilioSignature.Compute(SmsTestHost.AuthToken, "http://localhost" + SmsEndpoints.WebhookPath, form);

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi", messageSid: "SMproxy", signature: internalSignature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedForPublicUrlWithOtherSchemeAndHost_IsAccepted()
    {
        // The test server sees http://localhost; Twilio called https://bot.clinic.example (Sms:PublicBaseUrl).
        await using var sut = await StartAsync(Monday);

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_DuplicateMessageSid_IsProcessedOnce()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var first = await sut.TextAsyncWithSid(SmsTestHost.Client, "menu", "SMdup");
        var second = await sut.TextAsyncWithSid(SmsTestHost.Client, "menu", "SMdup");

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Post_SameDeliveryToTwoInstancesAtOnce_IsProcessedOnce()
    {
        await using var sut = await StartAsync(Monday);
        await using var other = sut.StartAnotherInstance();
        await sut.EnrolAsync(SmsTestHost.Client);

        var responses = await Task.WhenAll(
            Task.Run(() => sut.PostSmsAsync(SmsTestHost.Client, "HELP", messageSid: "SMtwice"), TestContext.Current.CancellationToken),
            Task.Run(() => other.PostSmsAsync(SmsTestHost.Client, "HELP", messageSid: "SMtwice"), TestContext.Current.CancellationToken));
        await sut.Service<BackgroundTurnRunner>().WhenIdleAsync();
        await other.Service<BackgroundTurnRunner>().WhenIdleAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(sut.Twilio.BodiesTo(SmsTestHost.Client), b => b.Contains("not monitored for emergencies", StringComparison.Ordinal));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_WhenSmsNotConfigured_Is404AndServiceStillRuns()
    {
        await using var sut = await StartAsync(Monday, new Dictionary<string, string?>
        {
            ["Sms:Twilio:AccountSid"] = "", ["Sms:Twilio:AuthToken"] = "", ["Sms:Twilio:PhoneNumber"] = "",
        });

        using var response = await sut.PostSmsAsync(SmsTestHost.Client, "hi");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_FromNumberWithoutConsent_GetsOnlyTheNoticeNoConversation()
    {
        await using var sut = await StartAsync(Monday);

        var replies = await sut.TextAsync("+14155552672", "menu");

        Assert.StartsWith(SmsTestHost.ClinicName + ": this number is for clients", Assert.Single(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CrisisMessage_GetsTheReferralInTheSameTurn()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var replies = await sut.TextAsync(SmsTestHost.Client, "I want to kill myself");

        Assert.Contains(replies, r => r.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_CrisisMessageFromAUkNumber_GetsTheUkReferral()
    {
        // The activity carries a pseudonymous contact id, not the number: the channel passes the number's country on
        // (clientInfo), so the referral is Samaritans and 999, not 988.
        const string ukPhone = "+447400123456";
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(ukPhone, timeZone: "Europe/London");

        var replies = await sut.TextAsync(ukPhone, "I want to kill myself");

        Assert.Contains(replies, r => r.Contains("116 123", StringComparison.Ordinal) && r.Contains("999", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Menu_ArrivesAsOneTextAndMoreBringsEveryPractice()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var menu = await sut.TextAsync(SmsTestHost.Client, "menu");
        var all = await sut.TextAsync(SmsTestHost.Client, "more");

        var text = Assert.Single(menu);
        Assert.True(Gsm7.FitsOneSegment(text), text);
        Assert.EndsWith($"{PracticeMenu.ShortSize + 1}. More practices", text, StringComparison.Ordinal);
        Assert.StartsWith("Here are some practices.", all[0], StringComparison.Ordinal);
        Assert.Contains(all, t => t.Contains("13. A Kind Reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_PracticeDoesNotResonate_OfferArrivesAsOneTextAfterTheAcknowledgement()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "menu");
        await sut.TextAsync(SmsTestHost.Client, "Loving-Kindness Phrases");
        await sut.TextAsync(SmsTestHost.Client, "4");

        var replies = await sut.TextAsync(SmsTestHost.Client, "this isn't doing anything for me");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Thanks for telling me.", replies[0], StringComparison.Ordinal);
        Assert.True(Gsm7.FitsOneSegment(replies[1]), replies[1]);
        Assert.StartsWith("Try a different kind? Reply with a number, or LATER:\n1. ", replies[1], StringComparison.Ordinal);
        Assert.EndsWith("(2 min)", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CrisisMessageWithStopWord_IsScreenedBeforeKeywords()
    {
        await using var sut = await StartAsync(Monday);
        await sut.EnrolAsync(SmsTestHost.Client);

        var replies = await sut.TextAsync(SmsTestHost.Client, "I want to end it all, stop");

        Assert.Contains(replies, r => r.Contains("988", StringComparison.Ordinal));
    }
}
