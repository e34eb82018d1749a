using System.Net;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians;

/// <summary>The enrolment status tells the truth: opted out after STOP, paused, ended; no enrolment without SMS.</summary>
public abstract class EnrolmentStatusTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_AfterStop_IsOptedOutAndAfterStartActive()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var id = await sut.EnrolAsync(SmsTestHost.Client);

        await sut.TextAsync(SmsTestHost.Client, "STOP");
        var stopped = await api.GetAsync($"/enrolments/{id}");
        await sut.TextAsync(SmsTestHost.Client, "START");
        var started = await api.GetAsync($"/enrolments/{id}");

        Assert.Equal("opted-out", (string)stopped["status"]!);
        Assert.Equal("active", (string)started["status"]!);
    }

    [Fact]
    public async Task Status_PausedUntilADate_IsPausedThenActiveOnceItPasses()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var id = await sut.EnrolAsync(SmsTestHost.Client);

        using var pause = await api.SendAsync(HttpMethod.Post, $"/enrolments/{id}/pause", new { until = MondayNoon.AddDays(3) });
        var paused = await api.GetAsync($"/enrolments/{id}");
        sut.Time.Advance(TimeSpan.FromDays(3));
        var over = await api.GetAsync($"/enrolments/{id}");

        Assert.Equal(HttpStatusCode.NoContent, pause.StatusCode);
        Assert.Equal("paused", (string)paused["status"]!);
        Assert.Equal("active", (string)over["status"]!);
    }

    [Fact]
    public async Task Status_EndedOrPastTheEndDate_IsEnded()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var ended = await sut.EnrolAsync(SmsTestHost.Client);
        using var end = await api.SendAsync(HttpMethod.Post, $"/enrolments/{ended}/end");
        var lapsed = await api.SendOkAsync(HttpMethod.Post, "/enrolments", new
        {
            phone = "+14155552672",
            timeZone = "America/New_York",
            consent = new { consentedAt = "2026-01-01T10:00:00Z", method = "paper", disclosure = "I agree to check-in texts." },
            schedule = new { days = new[] { "Mon" }, time = "18:00" },
            startDate = "2026-01-01",
            endDate = "2026-03-01",
        });

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Equal("ended", (string)(await api.GetAsync($"/enrolments/{ended}"))["status"]!);
        Assert.Equal("ended", (string)lapsed["status"]!);
    }

    [Fact]
    public async Task Enrol_WithoutSms_Is409ProblemAndNothingEnrolled()
    {
        await using var sut = await StartAsync(MondayNoon, new Dictionary<string, string?>
        {
            ["Sms:Twilio:AccountSid"] = "",
            ["Sms:Twilio:AuthToken"] = "",
            ["Sms:Twilio:PhoneNumber"] = "",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clinicians/enrolments")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { phone = SmsTestHost.Client }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);

        using var response = await sut.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = await ClinicianApiClient.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("SMS is not configured", problem.GetProperty("title").GetString());
        Assert.Empty((await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).GetAsync("/clients")).AsArray());
    }
}
