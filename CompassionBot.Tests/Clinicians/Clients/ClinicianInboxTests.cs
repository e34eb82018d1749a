using System.Net;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

/// <summary>
/// The safety plan a clinician writes reaches the client in a crisis referral; the alert inbox lists a linked client's
/// crisis and unanswered check-ins and takes one acknowledgement with a note; enrolments of another clinician are 404.
/// </summary>
public abstract class ClinicianInboxTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private const string Plan = "Call my sister Ana, then walk to the park with the dog.";

    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset MondaySix = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> TwoClinicians = new() { ["Clinic:ApiKeys:dr-other"] = ClientLinkingTests.OtherApiKey };

    [Fact]
    public async Task SafetyPlan_PutThenCrisisMessage_TheReferralShowsIt()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(sut, code);

        var put = await api.SendOkAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = Plan });
        var got = await api.GetAsync($"/clients/{clientId}/safety-plan");
        var referral = MessagesClient.Texts(await teams.SayAsync("I want to kill myself", TestContext.Current.CancellationToken));

        Assert.Equal(Plan, (string)put["text"]!);
        Assert.Equal(Plan, (string)got["text"]!);
        Assert.Contains($"Your safety plan: {Plan}", referral);
    }

    [Fact]
    public async Task SafetyPlan_OfAnUnlinkedPerson_IsNotShown()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        await api.SendOkAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = Plan });
        var stranger = new MessagesClient(sut.Http, "a:1stranger", "29:1stranger", "msteams");

        var referral = MessagesClient.Texts(await stranger.SayAsync("I want to kill myself", TestContext.Current.CancellationToken));

        Assert.DoesNotContain(referral, t => t.Contains(Plan, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SafetyPlan_EmptyOrAnotherClinicians_Is400Or404()
    {
        await using var sut = await StartAsync(MondayNoon, TwoClinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        var other = new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey);

        using var empty = await api.SendAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = " " });
        using var none = await api.SendAsync(HttpMethod.Get, $"/clients/{clientId}/safety-plan");
        using var put = await other.SendAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = Plan });
        using var get = await other.SendAsync(HttpMethod.Get, $"/clients/{clientId}/safety-plan");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await ClinicianApiClient.ProblemAsync(empty)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Alerts_CrisisOfALinkedClient_IsListedAndAcknowledgedOnce()
    {
        await using var sut = await StartAsync(MondayNoon, TwoClinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync("Robin T.");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(sut, code);
        await teams.SayAsync("I want to kill myself", TestContext.Current.CancellationToken);

        var alert = Assert.Single((await api.GetAsync("/alerts?open=true")).AsArray())!;
        var id = (string)alert["id"]!;
        using var otherAck = await new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey).SendAsync(HttpMethod.Post, $"/alerts/{id}/acknowledge", new { note = "x" });
        sut.Time.Advance(TimeSpan.FromMinutes(5));
        var acknowledged = await api.SendOkAsync(HttpMethod.Post, $"/alerts/{id}/acknowledge", new { note = "Called her; she is safe tonight." });
        using var again = await api.SendAsync(HttpMethod.Post, $"/alerts/{id}/acknowledge", new { note = "again" });

        Assert.Equal("crisis", (string)alert["kind"]!);
        Assert.Equal(clientId, (string)alert["clientId"]!);
        Assert.Equal("Robin T.", (string)alert["clientAlias"]!);
        Assert.Equal(HttpStatusCode.NotFound, otherAck.StatusCode);
        Assert.Equal("dr-test", (string)acknowledged["acknowledgement"]!["by"]!);
        Assert.Equal(MondayNoon.AddMinutes(5), (DateTimeOffset)acknowledged["acknowledgement"]!["at"]!);
        Assert.Equal("Called her; she is safe tonight.", (string)acknowledged["acknowledgement"]!["note"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Empty((await api.GetAsync("/alerts?open=true")).AsArray());
        Assert.Single((await api.GetAsync("/alerts")).AsArray());
    }

    [Fact]
    public async Task ListClients_ShowsLastActivityOpenAlertsAndCheckInStatus()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (_, code) = await api.CreateClientAsync("Robin T.");
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var enrolled = (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!;
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(sut, code);
        sut.Time.Advance(TimeSpan.FromMinutes(7));
        await teams.SayAsync("I want to kill myself", TestContext.Current.CancellationToken);
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        var list = (await api.GetAsync("/clients")).AsArray().ToDictionary(c => (string)c!["alias"]!, c => c!);

        var robin = list["Robin T."];
        Assert.Equal(1, (int)robin["openAlerts"]!);
        Assert.Equal(MondayNoon.AddMinutes(7), (DateTimeOffset)robin["lastActivityAt"]!);
        Assert.Null(robin["checkIns"]);
        var sms = list[enrolmentId];
        Assert.Equal(enrolled, (string)sms["id"]!);
        Assert.Equal("opted-out", (string)sms["checkIns"]!);
        Assert.Equal(0, (int)sms["openAlerts"]!);
        Assert.Null(sms["lastActivityAt"]);
    }

    [Fact]
    public async Task Alerts_ThreeUnansweredCheckIns_AreInTheInbox()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var clientId = (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!;
        var lowered = new DateTimeOffset(2026, 3, 9, 22, 0, 0, TimeSpan.Zero);

        foreach (var at in new[] { MondaySix, MondaySix.AddDays(2), MondaySix.AddDays(4), lowered })
        {
            sut.Time.SetUtcNow(at);
            await sut.RunSchedulerAsync();
        }

        var alert = Assert.Single((await api.GetAsync($"/alerts?clientId={clientId}")).AsArray())!;
        Assert.Equal("unanswered-checkins", (string)alert["kind"]!);
        Assert.Equal(lowered, (DateTimeOffset)alert["occurredAt"]!);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/pause")]
    [InlineData("POST", "/resume")]
    [InlineData("POST", "/end")]
    [InlineData("POST", "/crisis/close")]
    public async Task Enrolment_OfAnotherClinician_Is404AndUnchanged(string method, string action)
    {
        await using var sut = await StartAsync(MondayNoon, TwoClinicians);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        using var response = await new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey).SendAsync(new HttpMethod(method), $"/enrolments/{enrolmentId}{action}");
        var own = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).GetAsync($"/enrolments/{enrolmentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("active", (string)own["status"]!);
    }
}
