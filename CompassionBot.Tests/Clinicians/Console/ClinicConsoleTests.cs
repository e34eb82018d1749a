using System.Net;
using System.Text.RegularExpressions;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Clinicians.Console;

/// <summary>
/// The clinician console at <c>/clinic</c> over HTTP: sign-in with a clinician key and its cookie, anti-forgery on
/// forms, only the clinician's own clients, the client page's chart, and friendly pages for what is not there.
/// </summary>
public sealed partial class ClinicConsoleTests
{
    internal const string OtherApiKey = ClientLinkingTests.OtherApiKey;
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task SignIn_WithAKey_SetsAnHttpOnlyStrictConsoleCookieSecureOnHttps(string baseAddress, bool secure)
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        using var sut = ClinicConsoleClient.Create(host, baseAddress);

        using var response = await sut.SignInAsync(SmsTestHost.ApiKey);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/clinic", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CompassionBot.Clinic=", StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/clinic", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var (status, html) = await sut.GetPageAsync("/clinic");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Signed in as dr-test", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnUnknownKey_SetsNoCookieAndSaysSo()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        using var sut = ClinicConsoleClient.Create(host);

        using var response = await sut.SignInAsync("not-a-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That key was not recognised", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("CompassionBot.Clinic=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await sut.GetPageAsync("/clinic")).Status);
    }

    [Theory]
    [InlineData("/clinic/sign-in")]
    [InlineData("/clinic")]
    [InlineData("/clinic/clients/cli-missing")]
    public async Task Pages_AreNeitherCachedNorFramedAndLoadOnlyTheServiceOwnFiles(string path)
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        using var response = await sut.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Console_WithoutSignIn_RedirectsToSignInAndTheApiKeyHeaderDoesNotOpenIt()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        using var sut = ClinicConsoleClient.Create(host);
        sut.Http.DefaultRequestHeaders.Authorization = new("ApiKey", SmsTestHost.ApiKey);

        using var response = await sut.Http.GetAsync(new Uri("/clinic/alerts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/clinic/sign-in?ReturnUrl=%2Fclinic%2Falerts", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheConsoleSession()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        using var response = await sut.PostFormAsync("/clinic", "/clinic/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sut.GetPageAsync("/clinic")).Status);
    }

    [Fact]
    public async Task Forms_WithoutTheAntiforgeryToken_AreRefusedAndChangeNothing()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync();
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        using var signIn = await sut.PostFormWithoutTokenAsync("/clinic/sign-in", new Dictionary<string, string> { ["key"] = SmsTestHost.ApiKey });
        using var plan = await sut.PostFormWithoutTokenAsync($"/clinic/clients/{clientId}?handler=SafetyPlan", new Dictionary<string, string> { ["plan"] = "Call Sam." });

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
        Assert.Equal("text/html", plan.Content.Headers.ContentType?.MediaType);
        using var stored = await api.SendAsync(HttpMethod.Get, $"/clients/{clientId}/safety-plan");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Clients_ListsOnlyTheClinicianOwnClientsAndSearchesByAlias()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-other"] = OtherApiKey });
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        await api.CreateClientAsync("Robin B");
        await api.CreateClientAsync("Alex C");
        await new ClinicianApiClient(host.Http, OtherApiKey).CreateClientAsync("Robin Other");
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        var all = (await sut.GetPageAsync("/clinic")).Html;
        var found = (await sut.GetPageAsync("/clinic?search=robin")).Html;

        Assert.Contains("Robin B", all, StringComparison.Ordinal);
        Assert.Contains("Alex C", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Other", all, StringComparison.Ordinal);
        Assert.Contains("Robin B", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex C", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Other", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientPage_OfAnotherClinicianClient_IsAFriendly404()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-other"] = OtherApiKey });
        var (clientId, _) = await new ClinicianApiClient(host.Http, OtherApiKey).CreateClientAsync("Not yours");
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        using var page = await sut.Http.GetAsync(new Uri($"/clinic/clients/{clientId}", UriKind.Relative), Ct);
        using var csv = await sut.Http.GetAsync(new Uri($"/clinic/clients/{clientId}/sessions.csv", UriKind.Relative), Ct);
        using var plan = await sut.PostFormAsync("/clinic", $"/clinic/clients/{clientId}?handler=SafetyPlan", new Dictionary<string, string> { ["plan"] = "Call Sam." });

        foreach (var response in new[] { page, csv, plan })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("belongs to another clinician", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Not yours", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ClientPage_AfterTwoRatedPractices_ChartsOnePointPerRatedSessionWithTheFiguresInATable()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var api = new ClinicianApiClient(host.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync("Robin B");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(host, code);
        await ClientRecordTests.SoothingBreathAsync(teams, before: "7", after: "4");
        host.Time.Advance(TimeSpan.FromDays(1));
        await ClientRecordTests.SoothingBreathAsync(teams, before: "6", after: "2");
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        var (status, html) = await sut.GetPageAsync($"/clinic/clients/{clientId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, SessionMark().Count(html));
        Assert.Contains("<title id=\"chart-title\">", html, StringComparison.Ordinal);
        Assert.Contains("2 rated session(s) from 2026-03-02 to 2026-03-03", html, StringComparison.Ordinal);
        Assert.Matches("<td>7</td>\\s*<td>4</td>", html);
        Assert.Matches("<td>6</td>\\s*<td>2</td>", html);
        Assert.Matches("Body-based</th>\\s*<td>2</td>\\s*<td>2</td>", html);
    }

    [Fact]
    public async Task ClientPage_AfterTwoPracticesNotForMe_ShowsWhatTheClientSaidGotInTheWayAndNeverTheirWords()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon);
        var (clientId, code) = await new ClinicianApiClient(host.Http, SmsTestHost.ApiKey).CreateClientAsync("Robin B");
        var teams = await ClientRecordTests.LinkedTeamsClientAsync(host, code);
        // Typed rather than tapped, with markup: the choice is recognised, and only what it means is kept.
        var reply = await ClientRecordTests.TwoPracticesNotForMeAsync(teams, "<b>Too long</b>");
        using var sut = ClinicConsoleClient.Create(host);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        var (status, html) = await sut.GetPageAsync($"/clinic/clients/{clientId}");

        Assert.Contains(reply, t => t.StartsWith("Thank you, that helps.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<span>(said what got in the way: too long)</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&lt;b&gt;", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_ThatFails_IsAFriendly500AndLogged()
    {
        using var data = new TempDirectory();
        var logs = new CollectingLoggerProvider();
        await using var factory = new DirectLineAppFactory(
            data.Path,
            settings: new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-test"] = SmsTestHost.ApiKey },
            configureServices: services =>
            {
                services.RemoveAll<ClinicianAlertStore>();
                services.AddSingleton(new ClinicianAlertStore(new UnreachableDatabase()));
                services.AddSingleton<ILoggerProvider>(logs);
            });
        using var sut = ClinicConsoleClient.Create(factory);
        (await sut.SignInAsync(SmsTestHost.ApiKey)).Dispose();

        using var response = await sut.Http.GetAsync(new Uri("/clinic/alerts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 7274);
    }

    [GeneratedRegex("<g class=\"session\">")]
    private static partial Regex SessionMark();
}
