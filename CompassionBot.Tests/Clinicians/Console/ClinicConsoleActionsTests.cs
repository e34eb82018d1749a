using System.Net;
using System.Security.Claims;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Console;

/// <summary>
/// What a clinician does in the console, through its forms, and what follows: a safety plan the bot then sends, an
/// acknowledged alert, a paused, resumed and ended check-in schedule, an unlinked client, the sessions download.
/// </summary>
public sealed class ClinicConsoleActionsTests
{
    private const string Plan = "Call Sam (555-0101); walk to the park; breathe slowly for two minutes.";
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SafetyPlan_SavedInTheConsole_IsTheApiPlanAndTheBotSendsItInACrisisReferral()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync("Robin B");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(host, code);
        using var sut = await SignedInAsync(host);

        using var saved = await sut.PostFormAsync($"/clinic/clients/{clientId}", $"/clinic/clients/{clientId}?handler=SafetyPlan", new Dictionary<string, string> { ["plan"] = $"  {Plan}  " });
        var referral = MessagesClient.Texts(await teams.SayAsync("I want to kill myself", Ct));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Plan, (string)(await api.GetAsync($"/clients/{clientId}/safety-plan"))["text"]!);
        Assert.Contains($"Your safety plan: {Plan}", referral);
        Assert.Contains("Safety plan saved", (await sut.GetPageAsync(saved.Headers.Location!.OriginalString)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SafetyPlan_Empty_IsRefusedWithTheFormAgainAndNothingSaved()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync("Robin B");
        using var sut = await SignedInAsync(host);

        using var refused = await sut.PostFormAsync($"/clinic/clients/{clientId}", $"/clinic/clients/{clientId}?handler=SafetyPlan", new Dictionary<string, string> { ["plan"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The plan needs 1 to 1000 characters", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var stored = await api.SendAsync(HttpMethod.Get, $"/clients/{clientId}/safety-plan");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Alerts_CrisisOfALinkedClient_IsListedAndAcknowledgedWithWhoWhenAndNote()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (_, code) = await api.CreateClientAsync("Robin B");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(host, code);
        await teams.SayAsync("i just want to kill myself", Ct);
        var alertId = (string)Assert.Single((await api.GetAsync("/alerts?open=true")).AsArray())!["id"]!;
        using var sut = await SignedInAsync(host);
        var inbox = (await sut.GetPageAsync("/clinic/alerts")).Html;

        using var acknowledged = await sut.PostFormAsync("/clinic/alerts", "/clinic/alerts?handler=Acknowledge", new Dictionary<string, string> { ["alertId"] = alertId, ["note"] = "Called; safe tonight." });
        using var again = await sut.PostFormAsync("/clinic/alerts", "/clinic/alerts?handler=Acknowledge", new Dictionary<string, string> { ["alertId"] = alertId, ["note"] = "again" });

        Assert.Contains("Crisis — <a href=\"/clinic/clients/", inbox, StringComparison.Ordinal);
        Assert.Contains("Acknowledge</button>", inbox, StringComparison.Ordinal);
        Assert.Equal("/clinic/alerts?done=acknowledged", acknowledged.Headers.Location?.OriginalString);
        Assert.Equal("/clinic/alerts?done=already", again.Headers.Location?.OriginalString);
        var ack = (await api.GetAsync("/alerts"))[0]!["acknowledgement"]!;
        Assert.Equal("dr-test", (string)ack["by"]!);
        Assert.Equal("Called; safe tonight.", (string)ack["note"]!);
        Assert.Equal(MondayNoon, (DateTimeOffset)ack["at"]!);
        var after = (await sut.GetPageAsync("/clinic/alerts")).Html;
        Assert.Contains("Acknowledged by dr-test, 2026-03-02 17:00 UTC", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledge</button>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_AnotherClinicianAlert_CannotBeAcknowledged()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-other"] = ClinicConsoleTests.OtherApiKey });
        var other = new ClinicianApiClient(host.Http, ClinicConsoleTests.OtherApiKey);
        var (_, code) = await other.CreateClientAsync("Not yours");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(host, code);
        await teams.SayAsync("i just want to kill myself", Ct);
        var alertId = (string)Assert.Single((await other.GetAsync("/alerts")).AsArray())!["id"]!;
        using var sut = await SignedInAsync(host);

        var inbox = (await sut.GetPageAsync("/clinic/alerts")).Html;
        using var refused = await sut.PostFormAsync("/clinic/alerts", "/clinic/alerts?handler=Acknowledge", new Dictionary<string, string> { ["alertId"] = alertId });

        Assert.DoesNotContain("Not yours", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null((await other.GetAsync("/alerts"))[0]!["acknowledgement"]);
    }

    [Fact]
    public async Task Schedule_PauseResumeEnd_ChangeTheEnrolmentTheApiShows()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var enrolmentId = await host.EnrolAsync(SmsTestHost.Client);
        var clientId = (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!;
        using var sut = await SignedInAsync(host);
        var page = $"/clinic/clients/{clientId}";

        var statuses = new List<string>();
        foreach (var change in new[] { "pause", "resume", "end" })
        {
            using var changed = await sut.PostFormAsync(page, page + "?handler=Schedule", new Dictionary<string, string> { ["enrolmentId"] = enrolmentId, ["change"] = change });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            statuses.Add((string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["status"]!);
        }

        Assert.Equal(["paused", "active", "ended"], statuses);
        Assert.Contains("<strong>Ended</strong>", (await sut.GetPageAsync(page)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_AnEnrolmentOfAnotherClient_IsNotChanged()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var enrolmentId = await host.EnrolAsync(SmsTestHost.Client);
        var (otherClientId, _) = await api.CreateClientAsync("Alex C");
        using var sut = await SignedInAsync(host);
        var page = $"/clinic/clients/{otherClientId}";

        using var refused = await sut.PostFormAsync(page, page + "?handler=Schedule", new Dictionary<string, string> { ["enrolmentId"] = enrolmentId, ["change"] = "end" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("active", (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["status"]!);
    }

    [Fact]
    public async Task Unlink_StopsSharingOnEveryChannelAndRecordsIt()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync("Robin B");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(host, code);
        using var sut = await SignedInAsync(host);
        var page = $"/clinic/clients/{clientId}";

        using var unlinked = await sut.PostFormAsync(page, page + "?handler=Unlink", new Dictionary<string, string>());
        await ClientRecordTests.SoothingBreathAsync(teams, before: "6", after: "3");

        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Empty(await api.LinkedChannelsAsync(clientId));
        var timeline = await api.GetAsync($"/clients/{clientId}/timeline");
        Assert.Empty(timeline["sessions"]!.AsArray());
        Assert.Equal(["linked", "unlinked"], timeline["consentChanges"]!.AsArray().Select(c => (string)c!["change"]!));
    }

    [Fact]
    public async Task Sessions_AsCsv_AreTheSameFromTheConsoleAndTheApiWithFormulasDisarmed()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync("Robin B");
        // A channel id is whatever the inbound activity says: one a spreadsheet would run as a formula.
        var person = new MessagesClient(host.Http, "conv-csv", "user-csv", "=HYPERLINK(\"http://evil.example\",\"x\")");
        await person.SayAsync($"link {code}", Ct);
        await person.SayAsync("yes", Ct);
        await ClientRecordTests.SoothingBreathAsync(person, before: "7", after: "4");
        using var sut = await SignedInAsync(host);

        using var fromConsole = await sut.Http.GetAsync(new Uri($"/clinic/clients/{clientId}/sessions.csv", UriKind.Relative), Ct);
        using var fromApi = await api.SendAsync(HttpMethod.Get, $"/clients/{clientId}/sessions.csv");
        var csv = await fromConsole.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/csv", fromConsole.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"sessions-{clientId}.csv", fromConsole.Content.Headers.ContentDisposition?.FileNameStar ?? fromConsole.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(csv, await fromApi.Content.ReadAsStringAsync(Ct));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("started_at,ended_at,practice,family,channel,outcome,distress_before,distress_after,resonance,signals,obstacle", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026-03-02T17:00:00Z,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",soothing-breath,somatic,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",completed,7,4,helpful,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_AsCsvOfAnotherClinicianClient_Is404ForTheApi()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-other"] = ClinicConsoleTests.OtherApiKey });
        var (clientId, _) = await new ClinicianApiClient(host.Http, ClinicConsoleTests.OtherApiKey).CreateClientAsync("Not yours");

        using var response = await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).SendAsync(HttpMethod.Get, $"/clients/{clientId}/sessions.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ClinicianApiClient.ProblemAsync(response);
    }

    [Fact]
    public async Task ClientAccess_ClinicAdmin_SeesEveryClinicianClients()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-other"] = ClinicConsoleTests.OtherApiKey });
        await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin B");
        var (otherId, _) = await new ClinicianApiClient(host.Http, ClinicConsoleTests.OtherApiKey).CreateClientAsync("Alex C");
        var sut = host.Service<ClientAccess>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "head-of-clinic"), new Claim(ClaimTypes.Role, ClientAccess.AdminRole)], "test"));
        var clinician = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dr-test")], "test"));

        Assert.Equal(["Alex C", "Robin B"], (await sut.ListAsync(admin, null, Ct)).Select(c => c.Alias));
        Assert.Equal(["Robin B"], (await sut.ListAsync(clinician, null, Ct)).Select(c => c.Alias));
        Assert.NotNull(await sut.FindAsync(admin, otherId, Ct));
        Assert.Null(await sut.FindAsync(clinician, otherId, Ct));
    }

    private static async Task<ClinicConsoleClient> SignedInAsync(SmsTestHost host)
    {
        var client = ClinicConsoleClient.Create(host);
        using var signedIn = await client.SignInAsync(SmsTestHost.ApiKey);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }
}
