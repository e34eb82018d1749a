using System.Net;
using System.Text.Json.Nodes;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;
using Dapper;

namespace CompassionBot.Tests.Clinicians.Access;

/// <summary>
/// Every read of a client's data is on the access log (who, which client, what, when); admins read the log, newest
/// first and paged; anyone else gets 403.
/// </summary>
public abstract class AccessLogTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reads_OfAClient_AreRecordedNewestFirst()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        await api.SendOkAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = "Call my sister." });

        foreach (var path in new[] { $"/clients/{clientId}", $"/clients/{clientId}/timeline", $"/clients/{clientId}/safety-plan", $"/alerts?clientId={clientId}" })
        {
            sut.Time.Advance(TimeSpan.FromMinutes(1));
            await api.GetAsync(path);
        }

        var entries = await EntriesAsync(sut, $"?clientId={clientId}");

        Assert.Equal(["alerts", "safety-plan", "timeline", "client"], entries.Select(e => (string)e["kind"]!));
        Assert.All(entries, e => Assert.Equal("dr-test", (string)e["clinician"]!));
        Assert.All(entries, e => Assert.Equal(clientId, (string)e["clientId"]!));
        Assert.Equal([4, 3, 2, 1], entries.Select(e => ((DateTimeOffset)e["at"]! - MondayNoon).TotalMinutes));
    }

    [Fact]
    public async Task SessionsCsv_AsAdmin_IsRecordedAsAnExport()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var (clientId, _) = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).CreateClientAsync();

        using var csv = await new ClinicianApiClient(sut.Http, ClinicAdminTests.AdminApiKey).SendAsync(HttpMethod.Get, $"/clients/{clientId}/sessions.csv");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var entry = Assert.Single(await EntriesAsync(sut, string.Empty));
        Assert.Equal(("dr-admin", clientId, "export"), ((string)entry["clinician"]!, (string)entry["clientId"]!, (string)entry["kind"]!));
    }

    [Fact]
    public async Task EnrolmentRead_IsRecordedAgainstItsClient()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var admin = new ClinicianApiClient(sut.Http, ClinicAdminTests.AdminApiKey);

        var clientId = (string)(await admin.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!;

        var entry = Assert.Single(await EntriesAsync(sut, string.Empty));
        Assert.Equal(("dr-admin", clientId, "enrolment"), ((string)entry["clinician"]!, (string)entry["clientId"]!, (string)entry["kind"]!));
    }

    [Fact]
    public async Task RefusedReadsWritesAndLists_AreNotRecorded()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        var other = new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey);

        await api.SendOkAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = "Call my sister." });
        await api.GetAsync("/clients");
        await api.GetAsync("/alerts");
        using var refused = await other.SendAsync(HttpMethod.Get, $"/clients/{clientId}/timeline");
        await other.GetAsync($"/alerts?clientId={clientId}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Empty(await EntriesAsync(sut, string.Empty));
    }

    [Fact]
    public async Task Read_ThatCannotBeRecorded_Is500AndShowsNothing()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync("Robin T.");
        var connection = await sut.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (connection)
        {
            await connection.ExecuteAsync("DROP TABLE client_access_log");
        }

        using var response = await api.SendAsync(HttpMethod.Get, $"/clients/{clientId}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("Robin T.", (await ClinicianApiClient.ProblemAsync(response)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLog_Paged_WalksBackToTheFirstRead()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.GetAsync($"/clients/{clientId}/timeline");
        }

        var admin = new ClinicianApiClient(sut.Http, ClinicAdminTests.AdminApiKey);
        var first = await admin.GetAsync("/access-log?limit=2");
        var second = await admin.GetAsync($"/access-log?limit=2&before={(long)first["nextBefore"]!}");

        var ids = first["entries"]!.AsArray().Concat(second["entries"]!.AsArray()).Select(e => (long)e!["id"]!).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Null(second["nextBefore"]);
    }

    [Fact]
    public async Task AccessLog_BadLimit_Is400Problem()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);

        using var response = await new ClinicianApiClient(sut.Http, ClinicAdminTests.AdminApiKey).SendAsync(HttpMethod.Get, "/access-log?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ClinicianApiClient.ProblemAsync(response)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task AccessLog_AsAClinicianWhoIsNotAdmin_Is403Problem()
    {
        await using var sut = await StartAsync(MondayNoon, ClinicAdminTests.Clinicians);

        using var response = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).SendAsync(HttpMethod.Get, "/access-log");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ClinicianApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    private static async Task<List<JsonNode>> EntriesAsync(SmsTestHost sut, string query) =>
        [.. (await new ClinicianApiClient(sut.Http, ClinicAdminTests.AdminApiKey).GetAsync("/access-log" + query))["entries"]!.AsArray().Select(e => e!)];
}
