using System.Net;
using System.Text.Json.Nodes;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

/// <summary>
/// The console keeps the API's rule and log: a key named in <c>Clinic:Admins</c> signs in as a clinic admin (every
/// client readable, only their own changeable, the access log page); the client page and the CSV download are recorded.
/// </summary>
public sealed class ConsoleAccessTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

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

    private static async Task<ClinicConsoleClient> SignedInAsync(SmsTestHost host, string key)
    {
        var client = ClinicConsoleClient.Create(host);
        using var signedIn = await client.SignInAsync(key);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static async Task<List<JsonNode>> EntriesAsync(SmsTestHost host) =>
        [.. (await new ClinicianApiClient(host.Http, ClinicAdminTests.AdminApiKey).GetAsync("/access-log"))["entries"]!.AsArray().Select(e => e!)];
}
