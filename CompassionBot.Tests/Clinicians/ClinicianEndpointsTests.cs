using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CompassionBot.Sms;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians;

public abstract class ClinicianEndpointsTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("ApiKey wrong-key")]
    [InlineData("Bearer test-clinician-key")]
    public async Task Enrol_WithoutValidApiKey_Is401AndNothingRecorded(string? authorization)
    {
        await using var sut = await StartAsync(MondayNoon);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clinicians/enrolments") { Content = JsonContent.Create(new { phone = SmsTestHost.Client }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await sut.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False((await sut.Service<SmsContactStore>().StatusAsync(SmsTestHost.Client, TestContext.Current.CancellationToken)).HasConsent);
    }

    [Fact]
    public async Task Enrol_MissingConsentAndBadSchedule_Is400WithEachProblem()
    {
        await using var sut = await StartAsync(MondayNoon);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clinicians/enrolments")
        {
            Content = JsonContent.Create(new { phone = "12", timeZone = "Mars/Olympus", schedule = new { days = new[] { "Mon" }, time = "22:00" }, startDate = "2026-03-01" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);

        using var response = await sut.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "phone", "timeZone", "schedule.time", "consent.consentedAt", "consent.method", "consent.disclosure" })
        {
            Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        }

        Assert.Empty(sut.Twilio.Attempts);
    }

    [Fact]
    public async Task Enrol_Valid_RecordsConsentAndShowsEnrolmentWithoutPhoneNumber()
    {
        await using var sut = await StartAsync(MondayNoon);
        var id = await sut.EnrolAsync("(415) 555-2671");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/clinicians/enrolments/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);
        using var response = await sut.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"active\"", body, StringComparison.Ordinal);
        Assert.Contains("\"days\":[\"Mon\",\"Wed\",\"Fri\"]", body, StringComparison.Ordinal);
        // The number in any form it may be written in; not a short run of its digits, which a random id can hold.
        Assert.All(["555-2671", "5552671", "555 2671"], number => Assert.DoesNotContain(number, body, StringComparison.Ordinal));
        Assert.True((await sut.Service<SmsContactStore>().StatusAsync(SmsTestHost.Client, TestContext.Current.CancellationToken)).HasConsent);
    }

    [Fact]
    public async Task End_UnknownEnrolment_Is404()
    {
        await using var sut = await StartAsync(MondayNoon);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clinicians/enrolments/enr-nope/end");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", SmsTestHost.ApiKey);

        using var response = await sut.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
