using System.Net;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

/// <summary>
/// A clinic admin (<c>Clinic:Admins</c> names the key) reads every clinician's clients, alerts and enrolments; writes
/// stay with the client's own clinician; anyone else still sees only their own.
/// </summary>
public abstract class ClinicAdminTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    public const string AdminApiKey = "admin-clinician-key";

    /// <summary>Three clinicians: dr-test, dr-other, and dr-admin, a clinic admin.</summary>
    public static readonly Dictionary<string, string?> Clinicians = new()
    {
        ["Clinic:ApiKeys:dr-other"] = ClientLinkingTests.OtherApiKey,
        ["Clinic:ApiKeys:dr-admin"] = AdminApiKey,
        ["Clinic:Admins:0"] = "dr-admin",
    };

    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListClients_AsAdmin_ShowsEveryClinicians()
    {
        await using var sut = await StartAsync(MondayNoon, Clinicians);
        await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin T.");
        await new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey).CreateClientAsync("Sam K.");

        var admin = await new ClinicianApiClient(sut.Http, AdminApiKey).GetAsync("/clients");
        var own = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).GetAsync("/clients");

        Assert.Equal(["Robin T.", "Sam K."], admin.AsArray().Select(c => (string)c!["alias"]!));
        Assert.Equal(["Robin T."], own.AsArray().Select(c => (string)c!["alias"]!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/timeline")]
    [InlineData("/safety-plan")]
    [InlineData("/sessions.csv")]
    public async Task ReadClient_AsAdmin_IsOkAndAsAnotherClinician404(string path)
    {
        await using var sut = await StartAsync(MondayNoon, Clinicians);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        await api.SendOkAsync(HttpMethod.Put, $"/clients/{clientId}/safety-plan", new { text = "Call my sister." });

        using var admin = await new ClinicianApiClient(sut.Http, AdminApiKey).SendAsync(HttpMethod.Get, $"/clients/{clientId}{path}");
        using var other = await new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey).SendAsync(HttpMethod.Get, $"/clients/{clientId}{path}");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Alerts_AsAdmin_ShowsAnotherCliniciansAlert()
    {
        await using var sut = await StartAsync(MondayNoon, Clinicians);
        var (clientId, code) = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).CreateClientAsync();
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(sut, code);
        await teams.SayAsync("I want to kill myself", TestContext.Current.CancellationToken);

        var admin = await new ClinicianApiClient(sut.Http, AdminApiKey).GetAsync($"/alerts?clientId={clientId}");
        var other = await new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey).GetAsync("/alerts");

        var alert = Assert.Single(admin.AsArray())!;
        Assert.Equal((clientId, "dr-test"), ((string)alert["clientId"]!, (string)alert["clinician"]!));
        Assert.Empty(other.AsArray());
    }

    [Fact]
    public async Task Enrolment_AsAdmin_IsReadable()
    {
        await using var sut = await StartAsync(MondayNoon, Clinicians);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        var enrolment = await new ClinicianApiClient(sut.Http, AdminApiKey).GetAsync($"/enrolments/{enrolmentId}");

        Assert.Equal("active", (string)enrolment["status"]!);
    }

    [Theory]
    [InlineData("PUT", "/safety-plan")]
    [InlineData("POST", "/link-codes")]
    public async Task WriteClient_AsAdminOfAnotherCliniciansClient_Is404(string method, string path)
    {
        await using var sut = await StartAsync(MondayNoon, Clinicians);
        var (clientId, _) = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).CreateClientAsync();

        using var response = await new ClinicianApiClient(sut.Http, AdminApiKey).SendAsync(new HttpMethod(method), $"/clients/{clientId}{path}", new { text = "Call my sister." });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
