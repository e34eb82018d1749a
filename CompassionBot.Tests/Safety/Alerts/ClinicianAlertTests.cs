using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Sms;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Safety.Alerts;

/// <summary>
/// Alerts a clinician can act on, through the real service on each provider: an SMS client's crisis names their
/// enrolment and clinician, what happened next follows as an outcome alert, unanswered check-ins reach the same
/// webhook, and crisis mode holds check-in nudges until a clinician closes it.
/// </summary>
public abstract class ClinicianAlertTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private const string CrisisText = "I want to kill myself";
    private const string CheckInText = "Hi, it's your check-in from Riverside Clinic. Want a 2-minute kindness break? Reply 1 yes, 2 later, 3 not today";
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero); // 12:00 in New York
    private static readonly DateTimeOffset MondaySix = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);  // the Monday 18:00 slot
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrisisOnSms_EnrolledNumber_AlertCarriesEnrolmentClinicianLevelChannelAndTime()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await StartAsync(MondayNoon, Alerts(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        var replies = await sut.TextAsync(SmsTestHost.Client, CrisisText);
        var sent = await webhook.WaitForAsync(r => Kind(r) == "event", Patience);

        Assert.Contains(replies, r => r.Contains("988", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(enrolmentId, root.GetProperty("enrolmentId").GetString());
        Assert.Equal("dr-test", root.GetProperty("clinician").GetString());
        Assert.Equal("crisis", root.GetProperty("level").GetString());
        Assert.Equal(SmsWebhookHandler.ChannelId, root.GetProperty("channelId").GetString());
        Assert.Equal(MondayNoon, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("line-given", root.GetProperty("outcome").GetString());
        Assert.Equal(await ContactIdAsync(sut), root.GetProperty("conversationId").GetString());
        Assert.Equal(root.GetProperty("eventId").GetString(), sent.IdempotencyKey);
        Assert.DoesNotContain("2671", sent.Body, StringComparison.Ordinal); // no phone number
        Assert.DoesNotContain("kill", sent.Body, StringComparison.OrdinalIgnoreCase);
        Assert.False(root.TryGetProperty("messageText", out _));
    }

    [Fact]
    public async Task FalseAlarmOnSms_AfterTheReferral_ReachesTheClinicianAsPersonSaidFalseAlarm()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await StartAsync(MondayNoon, Alerts(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, CrisisText);
        var alert = await webhook.WaitForAsync(r => Kind(r) == "event", Patience);
        var eventId = alert.IdempotencyKey;
        sut.Time.Advance(TimeSpan.FromMinutes(2));

        await sut.TextAsync(SmsTestHost.Client, "lol no I didn't mean it like that, it was a joke");
        var update = await webhook.WaitForAsync(r => Kind(r) == "outcome", Patience);

        Assert.Equal($"{eventId}:outcome:person-said-false-alarm", update.IdempotencyKey);
        using var json = JsonDocument.Parse(update.Body);
        var root = json.RootElement;
        Assert.Equal(update.IdempotencyKey, root.GetProperty("alertId").GetString());
        Assert.Equal(eventId, root.GetProperty("eventId").GetString());
        Assert.Equal("person-said-false-alarm", root.GetProperty("outcome").GetString());
        Assert.Equal(MondayNoon.AddMinutes(2), root.GetProperty("outcomeAt").GetDateTimeOffset());
        Assert.Equal(MondayNoon, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("crisis", root.GetProperty("level").GetString());
        Assert.Equal(enrolmentId, root.GetProperty("enrolmentId").GetString());
        Assert.Equal("dr-test", root.GetProperty("clinician").GetString());
        // The alert still went, and the update; a repeat (same key) is the receiver's to drop.
        Assert.Equal([eventId, update.IdempotencyKey], webhook.Requests.Where(r => !r.AnsweredDown).Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task ConcernEvent_OnAnEnrolledConversation_IsDeliveredWithLevelConcern()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await StartAsync(MondayNoon, Alerts(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var concern = new CrisisEvent("concern-1", MondayNoon, SmsWebhookHandler.ChannelId, await ContactIdAsync(sut), RiskLevel.Concern, ["distress.rise"], "US", null);

        Assert.True(await sut.Service<ICrisisEventStore>().RecordAsync(concern, Ct));
        var sent = await webhook.WaitForAsync(r => r.IdempotencyKey == "concern-1", Patience);

        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("concern", json.RootElement.GetProperty("level").GetString());
        Assert.Equal("event", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(enrolmentId, json.RootElement.GetProperty("enrolmentId").GetString());
    }

    [Fact]
    public async Task UnansweredCheckIns_ThreeInARow_NotificationReachesTheWebhook()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await StartAsync(MondayNoon, Alerts(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var lowered = new DateTimeOffset(2026, 3, 9, 22, 0, 0, TimeSpan.Zero); // Mon 9, 18:00 EDT: the fourth slot

        foreach (var at in new[] { MondaySix, MondaySix.AddDays(2), MondaySix.AddDays(4), lowered })
        {
            sut.Time.SetUtcNow(at);
            await sut.RunSchedulerAsync();
        }

        var sent = await webhook.WaitForAsync(r => Kind(r) == "unanswered-checkins", Patience);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(enrolmentId, root.GetProperty("enrolmentId").GetString());
        Assert.Equal("dr-test", root.GetProperty("clinician").GetString());
        Assert.Equal(SmsWebhookHandler.ChannelId, root.GetProperty("channelId").GetString());
        Assert.Equal(lowered, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("info", root.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("eventId").ValueKind);
        Assert.Equal(root.GetProperty("alertId").GetString(), sent.IdempotencyKey);
        Assert.StartsWith(enrolmentId, sent.IdempotencyKey, StringComparison.Ordinal);
        Assert.Single(webhook.Requests, r => Kind(r) == "unanswered-checkins");
    }

    [Fact]
    public async Task CheckIn_DueDuringCrisisMode_IsHeldThenSentOnceTheClinicianClosesIt()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await StartAsync(MondayNoon, Alerts(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, CrisisText);

        var counts = new List<int>();
        foreach (var minutes in new[] { 0, 15 })
        {
            sut.Time.SetUtcNow(MondaySix.AddMinutes(minutes));
            await sut.RunSchedulerAsync();
            counts.Add(CheckIns(sut));
        }

        using var closed = await CloseAsync(sut, enrolmentId);
        sut.Time.SetUtcNow(MondaySix.AddMinutes(30));
        await sut.RunSchedulerAsync();
        await sut.RunSchedulerAsync();
        counts.Add(CheckIns(sut));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal([0, 0, 1], counts);
    }

    [Fact]
    public async Task CheckIn_CrisisModeOlderThanTheQuietPeriod_IsSent()
    {
        await using var sut = await StartAsync(MondayNoon);
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, CrisisText); // never closed, never answered

        var counts = new List<int>();
        foreach (var at in new[] { MondaySix.AddDays(2), MondaySix.AddDays(4) }) // 54 and 102 hours after the referral
        {
            sut.Time.SetUtcNow(at);
            await sut.RunSchedulerAsync();
            counts.Add(CheckIns(sut));
        }

        Assert.Equal([0, 1], counts);
    }

    [Fact]
    public async Task CloseCrisis_OpenEvent_RecordsClinicianClosedAlertsItAndEndsCrisisModeInTheConversation()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = await StartAsync(MondayNoon, Alerts(webhook));
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, CrisisText);
        var eventId = (await webhook.WaitForAsync(r => Kind(r) == "event", Patience)).IdempotencyKey;
        var inCrisisMode = await sut.TextAsync(SmsTestHost.Client, "hello");

        using var response = await CloseAsync(sut, enrolmentId, new { eventId });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var update = await webhook.WaitForAsync(r => Kind(r) == "outcome", Patience);
        var afterClose = await sut.TextAsync(SmsTestHost.Client, "hello");
        var events = await sut.Service<ICrisisEventStore>().ListAsync(SmsWebhookHandler.ChannelId, await ContactIdAsync(sut), Ct);

        Assert.Contains(inCrisisMode, r => r.Contains("988", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(eventId, body.GetProperty("eventId").GetString());
        Assert.Equal("clinician-closed", body.GetProperty("outcome").GetString());
        Assert.Equal($"{eventId}:outcome:clinician-closed", update.IdempotencyKey);
        Assert.Equal(CrisisOutcome.ClinicianClosed, Assert.Single(events).Outcome);
        Assert.NotEmpty(afterClose);
        Assert.DoesNotContain(afterClose, r => r.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CloseCrisis_ThenANewCrisis_BeginsCrisisModeAgainWithANewEvent()
    {
        await using var sut = await StartAsync(MondayNoon);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, CrisisText);
        using var closed = await CloseAsync(sut, enrolmentId);
        sut.Time.Advance(TimeSpan.FromHours(1));

        var referral = await sut.TextAsync(SmsTestHost.Client, CrisisText);
        var reminder = await sut.TextAsync(SmsTestHost.Client, "hello");
        var events = await sut.Service<ICrisisEventStore>().ListAsync(SmsWebhookHandler.ChannelId, await ContactIdAsync(sut), Ct);

        Assert.Contains(referral, r => r.Contains("988", StringComparison.Ordinal));
        Assert.Contains(reminder, r => r.Contains("988", StringComparison.Ordinal));
        Assert.Equal([CrisisOutcome.ClinicianClosed, CrisisOutcome.LineGiven], events.Select(e => e.Outcome));
    }

    [Fact]
    public async Task CloseCrisis_UnknownEnrolment_Is404()
    {
        await using var sut = await StartAsync(MondayNoon);

        using var response = await CloseAsync(sut, "enr-nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CloseCrisis_NotInCrisisMode_Is409ProblemAndChangesNothing()
    {
        await using var sut = await StartAsync(MondayNoon);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        using var response = await CloseAsync(sut, enrolmentId);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"eventId\":42}", "application/json")]
    [InlineData("not json", "application/json")]
    [InlineData("eventId=abc", "application/x-www-form-urlencoded")]
    [InlineData("{\"eventId\":\"not-this-clients-event\"}", "application/json")]
    public async Task CloseCrisis_BadBody_Is400ProblemAndLeavesCrisisModeOpen(string json, string contentType)
    {
        await using var sut = await StartAsync(MondayNoon);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, CrisisText);

        using var response = await PostAsync(sut, $"/api/clinicians/enrolments/{enrolmentId}/crisis/close", new StringContent(json, MediaTypeHeaderValue.Parse(contentType)));
        var events = await sut.Service<ICrisisEventStore>().ListAsync(SmsWebhookHandler.ChannelId, await ContactIdAsync(sut), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CrisisOutcome.LineGiven, Assert.Single(events).Outcome);
    }

    private static Dictionary<string, string?> Alerts(FakeWebhook webhook) => new()
    {
        ["Safety:AlertWebhookUrl"] = webhook.Url.ToString(),
        ["Safety:AlertRetryDelay"] = "00:00:00",
    };

    private static string? Kind(FakeWebhook.Received request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("kind").GetString();
    }

    private static int CheckIns(SmsTestHost sut) => sut.Twilio.BodiesTo(SmsTestHost.Client).Count(b => b == CheckInText);

    private static Task<string> ContactIdAsync(SmsTestHost sut) => sut.Service<SmsContactStore>().ContactIdAsync(SmsTestHost.Client, Ct);

    private static Task<HttpResponseMessage> CloseAsync(SmsTestHost sut, string enrolmentId, object? body = null) =>
        PostAsync(sut, $"/api/clinicians/enrolments/{enrolmentId}/crisis/close", body is null ? null : JsonContent.Create(body));

    private static async Task<HttpResponseMessage> PostAsync(SmsTestHost sut, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);
        return await sut.Http.SendAsync(request, Ct);
    }
}
