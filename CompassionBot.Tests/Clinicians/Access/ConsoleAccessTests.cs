using System.Net;
using System.Text.Json.Nodes;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

/// <summary>
/// The console keeps the API's rule and log: a key named in <c>Clinic:Admins</c> signs in as a clinic admin (every
/// client readable, only their own changeable, the access log page); the client page, the CSV download and an admin's
/// alert inbox showing other clinicians' clients are recorded.
/// </summary>
public sealed class ConsoleAccessTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsoleSignIn_WithAnAdminKey_ListsEveryClientAndOffersTheAccessLog()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin T.");
        await new ClinicianApiClient(host.Http, ClientLinkingTests.OtherApiKey).CreateClientAsync("Sam K.");
        using var admin = await SignedInAsync(host, ClinicAdminTests.AdminApiKey);
        using var clinician = await SignedInAsync(host, SmsTestHost.ApiKey);

        var (_, adminList) = await admin.GetPageAsync("/clinic");
        var (_, ownList) = await clinician.GetPageAsync("/clinic");

        Assert.Contains("Robin T.", adminList, StringComparison.Ordinal);
        Assert.Contains("Sam K.", adminList, StringComparison.Ordinal);
        Assert.Contains("href=\"/clinic/access-log\"", adminList, StringComparison.Ordinal);
        Assert.Contains("Robin T.", ownList, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam K.", ownList, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/clinic/access-log\"", ownList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientPageAndCsv_InTheConsole_AreRecordedAndShownOnTheAccessLogPage()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var (clientId, _) = await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin T.");
        using var clinician = await SignedInAsync(host, SmsTestHost.ApiKey);
        using var other = await SignedInAsync(host, ClientLinkingTests.OtherApiKey);
        using var admin = await SignedInAsync(host, ClinicAdminTests.AdminApiKey);

        var page = await clinician.GetPageAsync($"/clinic/clients/{clientId}");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var csv = await clinician.GetPageAsync($"/clinic/clients/{clientId}/sessions.csv");
        var refused = await other.GetPageAsync($"/clinic/clients/{clientId}");
        var (logStatus, logPage) = await admin.GetPageAsync("/clinic/access-log");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (page.Status, csv.Status, refused.Status));
        var entries = await EntriesAsync(host);
        Assert.Equal(["export", "console-page"], entries.Select(e => (string)e["kind"]!));
        Assert.All(entries, e => Assert.Equal(("dr-test", clientId), ((string)e["clinician"]!, (string)e["clientId"]!)));
        Assert.Equal(HttpStatusCode.OK, logStatus);
        Assert.Contains("<td>console-page</td>", logPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/clinic/clients/{clientId}\">{clientId}</a>", logPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLogPage_ForAClinicianWhoIsNotAdmin_IsRefused()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        using var clinician = await SignedInAsync(host, SmsTestHost.ApiKey);

        var (status, html) = await clinician.GetPageAsync("/clinic/access-log");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.DoesNotContain("Access log", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleWrite_AsAdminOnAnotherCliniciansClient_Is404AndChangesNothing()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync("Robin T.");
        await api.SendOkAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = "Call my sister." });
        using var admin = await SignedInAsync(host, ClinicAdminTests.AdminApiKey);

        using var response = await admin.PostFormAsync($"/clinic/clients/{clientId}", $"/clinic/clients/{clientId}?handler=SafetyPlan", new Dictionary<string, string> { ["plan"] = "Something else." });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Call my sister.", (string)(await api.GetAsync($"/clients/{clientId}/safety-plan"))["text"]!);
    }

    [Fact]
    public async Task AlertInbox_AsAdmin_ListsAnotherCliniciansAlertWithItsClinicianAndNoAcknowledgeForm()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var (clientId, code) = await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin T.");
        var (_, adminCode) = await new ClinicianApiClient(host.Http, ClinicAdminTests.AdminApiKey).CreateClientAsync("Sam K.");
        await (await ClientRecordTests.LinkedTeamsClientAsync(host, code)).SayAsync("i just want to kill myself", Ct);
        await CrisisOfAnotherPersonAsync(host, adminCode);
        using var admin = await SignedInAsync(host, ClinicAdminTests.AdminApiKey);
        using var other = await SignedInAsync(host, ClientLinkingTests.OtherApiKey);

        var (status, inbox) = await admin.GetPageAsync("/clinic/alerts");
        var (_, otherInbox) = await other.GetPageAsync("/clinic/alerts");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/clinic/clients/{clientId}\">Robin T.</a>", inbox, StringComparison.Ordinal);
        Assert.Contains("Clinician: dr-test", inbox, StringComparison.Ordinal);
        Assert.Contains("Only dr-test, whose client this is, can acknowledge this alert.", inbox, StringComparison.Ordinal);
        Assert.Contains("Sam K.", inbox, StringComparison.Ordinal);
        Assert.Contains("Clinician: dr-admin", inbox, StringComparison.Ordinal);
        Assert.Single(inbox.Split("Acknowledge</button>")[1..]);
        Assert.DoesNotContain("Robin T.", otherInbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Clinician:", otherInbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertInbox_AsAdmin_RecordsTheReadOfAnotherCliniciansClientOnly()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var (clientId, code) = await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin T.");
        var (_, adminCode) = await new ClinicianApiClient(host.Http, ClinicAdminTests.AdminApiKey).CreateClientAsync("Sam K.");
        await (await ClientRecordTests.LinkedTeamsClientAsync(host, code)).SayAsync("i just want to kill myself", Ct);
        await CrisisOfAnotherPersonAsync(host, adminCode);
        using var clinician = await SignedInAsync(host, SmsTestHost.ApiKey);
        using var admin = await SignedInAsync(host, ClinicAdminTests.AdminApiKey);

        await clinician.GetPageAsync("/clinic/alerts");
        var (status, _) = await admin.GetPageAsync("/clinic/alerts");

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = Assert.Single(await EntriesAsync(host));
        Assert.Equal(("dr-admin", clientId, "alerts"), ((string)entry["clinician"]!, (string)entry["clientId"]!, (string)entry["kind"]!));
    }

    [Fact]
    public async Task AlertAcknowledge_ForgedByAdminForAnotherCliniciansAlert_Is404AndTheAlertStaysOpen()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (_, code) = await api.CreateClientAsync("Robin T.");
        await (await ClientRecordTests.LinkedTeamsClientAsync(host, code)).SayAsync("i just want to kill myself", Ct);
        var alertId = (string)Assert.Single((await api.GetAsync("/alerts")).AsArray())!["id"]!;
        using var admin = await SignedInAsync(host, ClinicAdminTests.AdminApiKey);

        using var refused = await admin.PostFormAsync("/clinic/alerts", "/clinic/alerts?handler=Acknowledge", new Dictionary<string, string> { ["alertId"] = alertId, ["note"] = "Not mine." });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null((await api.GetAsync("/alerts"))[0]!["acknowledgement"]);
    }

    private static async Task<ClinicConsoleClient> SignedInAsync(SmsTestHost host, string key)
    {
        var client = ClinicConsoleClient.Create(host);
        using var signedIn = await client.SignInAsync(key);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>A second person, on a Teams chat of their own, links with <paramref name="code"/> and says something that is a crisis.</summary>
    private static async Task CrisisOfAnotherPersonAsync(SmsTestHost host, string code)
    {
        var person = new MessagesClient(host.Http, "a:2teams-personal-chat", "29:2client-aad", "msteams");
        await person.SayAsync($"link {code}", Ct);
        await person.SayAsync("yes", Ct);
        await person.SayAsync("i just want to kill myself", Ct);
    }

    private static async Task<List<JsonNode>> EntriesAsync(SmsTestHost host) =>
        [.. (await new ClinicianApiClient(host.Http, ClinicAdminTests.AdminApiKey).GetAsync("/access-log"))["entries"]!.AsArray().Select(e => e!)];
}
