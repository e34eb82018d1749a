using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Clinicians.EntraId;
using CompassionBot.Tests.Support;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace CompassionBot.Tests.Clinicians.EntraId;

/// <summary>
/// Clinicians sign in with Microsoft Entra ID (against a loopback Entra ID): the token's name is the clinician, the
/// <c>ClinicAdmin</c> app role reads every clinician's clients; without the settings nothing changes.
/// </summary>
public sealed partial class EntraIdSignInTests : IAsyncLifetime
{
    private const string Lee = "lee@clinic.example";
    private const string LeeKey = "lee-api-key";
    private const string OtherKey = "other-api-key";

    private FakeEntraId? _entra;

    private FakeEntraId Entra => _entra!;

    public async ValueTask InitializeAsync() => _entra = await FakeEntraId.StartAsync(TimeProvider.System);

    public async ValueTask DisposeAsync() => await Entra.DisposeAsync();

    [Fact]
    public async Task SignIn_WithTheAdminRole_SeesEveryClient()
    {
        await using var sut = await StartWithTwoClientsAsync();
        Entra.SignInAs(new EntraUser("admin@clinic.example", "Pat Admin", [ClientAccess.AdminRole]));

        var me = await SignInAndGetMeAsync(sut);

        Assert.Equal("admin@clinic.example", (string)me["name"]!);
        Assert.True((bool)me["admin"]!);
        Assert.Equal(2, (int)me["clients"]!);
    }

    [Fact]
    public async Task SignIn_WithoutARole_SeesOwnClientsOnly()
    {
        await using var sut = await StartWithTwoClientsAsync();
        Entra.SignInAs(new EntraUser(Lee, "Dr Lee", []));

        var me = await SignInAndGetMeAsync(sut);

        Assert.Equal(Lee, (string)me["name"]!);
        Assert.False((bool)me["admin"]!);
        Assert.Equal(1, (int)me["clients"]!);
    }

    [Fact]
    public async Task SignIn_TokenWithoutPreferredUsername_NamesTheClinicianByName()
    {
        await using var sut = Start(Entra.Settings);
        Entra.SignInAs(new EntraUser(null, "Dr Lee", []));

        var me = await SignInAndGetMeAsync(sut);

        Assert.Equal("Dr Lee", (string)me["name"]!);
    }

    [Fact]
    public async Task Me_NotSignedIn_RedirectsToEntraId()
    {
        await using var sut = Start(Entra.Settings);
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await http.GetAsync(EntraIdSignIn.MePath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith($"{FakeEntraId.Instance.AbsoluteUri}{Entra.TenantId}/oauth2/v2.0/authorize", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(FakeEntraId.ClientId, HttpUtility.ParseQueryString(location.Query)["client_id"]);
    }

    [Fact]
    public async Task SignIn_WithAWrongClientSecret_IsRefusedWith401Problem()
    {
        await using var sut = Start(new Dictionary<string, string?>(Entra.Settings) { ["Clinic:EntraId:ClientSecret"] = "not-the-secret" });
        Entra.SignInAs(new EntraUser(Lee, "Dr Lee", []));
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);

        using var signIn = await CompleteSignInAsync(http, jar);
        using var me = await SendAsync(http, HttpMethod.Get, EntraIdSignIn.MePath, jar);

        Assert.Equal(1, Entra.RefusedTokenRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.DoesNotContain("Exception", (await ClinicianApiClient.ProblemAsync(signIn)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
    }

    [Fact]
    public async Task SignIn_TokenNamingNobody_IsRefused()
    {
        await using var sut = Start(Entra.Settings);
        Entra.SignInAs(new EntraUser(null, null, [ClientAccess.AdminRole]));
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);

        using var signIn = await CompleteSignInAsync(http, jar);
        using var me = await SendAsync(http, HttpMethod.Get, EntraIdSignIn.MePath, jar);

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
    }

    [Fact]
    public async Task WithoutEntraIdSettings_MeIsNotThereAndApiKeysWork()
    {
        await using var sut = Start(new Dictionary<string, string?>());
        using var http = sut.CreateClient();

        using var me = await http.GetAsync(EntraIdSignIn.MePath, TestContext.Current.CancellationToken);
        var clients = await new ClinicianApiClient(http, LeeKey).GetAsync("/clients");

        Assert.Equal(HttpStatusCode.NotFound, me.StatusCode);
        Assert.Empty(clients.AsArray());
    }

    [Fact]
    public void Start_ClientIdWithoutSecret_Fails()
    {
        using var sut = Start(new Dictionary<string, string?>(Entra.Settings) { ["Clinic:EntraId:ClientSecret"] = null });

        var error = Assert.Throws<InvalidOperationException>(() => sut.Services);

        Assert.Contains("Clinic:EntraId:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    private BotApplicationFactory Start(IReadOnlyDictionary<string, string?> entraSettings)
    {
        var settings = new Dictionary<string, string?>(entraSettings)
        {
            [$"Clinic:ApiKeys:{Lee}"] = LeeKey,
            ["Clinic:ApiKeys:dr-other"] = OtherKey,
        };
        return new BotApplicationFactory(settings, services =>
        {
            // Both back channels (the OpenID Connect handler's, and the issuer validator's own metadata reads) reach the fake.
            services.Configure<OpenIdConnectOptions>(EntraIdSignIn.Scheme, options => options.BackchannelHttpHandler = Entra.CreateRedirectHandler());
            services.AddHttpClient(nameof(FakeEntraId)).ConfigurePrimaryHttpMessageHandler(Entra.CreateRedirectHandler);
            services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = nameof(FakeEntraId));
        });
    }

    [Theory]
    [InlineData(true, new[] { "Robin T.", "Sam K." })]
    [InlineData(false, new[] { "Robin T." })]
    public async Task Console_SignedInWithEntraId_ListsTheClientsTheClinicianMayRead(bool admin, string[] expected)
    {
        await using var sut = await StartWithTwoClientsAsync();
        Entra.SignInAs(new EntraUser(Lee, "Dr Lee", admin ? [ClientAccess.AdminRole] : []));
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);

        using var signIn = await CompleteSignInAsync(http, jar, fromConsole: true);
        using var page = await SendAsync(http, HttpMethod.Get, "/clinic", jar);

        Assert.Equal("/clinic", signIn.Headers.Location?.OriginalString);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {html}");
        Assert.Contains($"Signed in as {Lee}", html, StringComparison.Ordinal);
        Assert.Equal(expected, new[] { "Robin T.", "Sam K." }.Where(alias => html.Contains(alias, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ConsoleSignOut_AfterEntraIdSignIn_EndsTheEntraIdSession()
    {
        await using var sut = await StartWithTwoClientsAsync();
        Entra.SignInAs(new EntraUser(Lee, "Dr Lee", []));
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var signIn = await CompleteSignInAsync(http, jar, fromConsole: true);
        using var page = await SendAsync(http, HttpMethod.Get, "/clinic", jar);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;

        using var signOut = await SendAsync(http, HttpMethod.Post, "/clinic/sign-out", jar, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));
        using var after = await SendAsync(http, HttpMethod.Get, "/clinic", jar);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain(EntraIdSignIn.CookieName, jar.Keys);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/clinic/sign-in", after.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Console_NotSignedIn_GoesToTheConsoleSignInPageWhichOffersMicrosoft()
    {
        await using var sut = Start(Entra.Settings);
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var clients = await http.GetAsync("/clinic", TestContext.Current.CancellationToken);
        var signInPage = await http.GetStringAsync("/clinic/sign-in", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, clients.StatusCode);
        Assert.Equal("/clinic/sign-in", clients.Headers.Location?.AbsolutePath);
        var form = MicrosoftForm().Match(signInPage);
        Assert.True(form.Success, signInPage);
        Assert.Contains("<button type=\"submit\">Sign in with Microsoft</button>", form.Value, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", form.Value, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{EntraIdSignIn.ConsoleSignInPath}\"", signInPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleSignInWithMicrosoft_Get_GoesToTheSignInPageWithoutAChallenge()
    {
        await using var sut = Start(Entra.Settings);
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await http.GetAsync(EntraIdSignIn.ConsoleSignInPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/clinic/sign-in", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ConsoleSignInWithMicrosoft_PostWithoutTheAntiforgeryToken_IsRefusedWithoutAChallenge()
    {
        await using var sut = Start(Entra.Settings);
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var signInPage = await SendAsync(http, HttpMethod.Get, "/clinic/sign-in", jar);

        using var response = await SendAsync(http, HttpMethod.Post, EntraIdSignIn.ConsoleSignInPath, jar, new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in form expired", (await ClinicianApiClient.ProblemAsync(response)).GetProperty("title").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ConsoleSignInPage_WithoutEntraId_OffersNoMicrosoftSignIn()
    {
        await using var sut = Start(new Dictionary<string, string?>());
        using var http = sut.CreateClient();

        var signInPage = await http.GetStringAsync("/clinic/sign-in", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Sign in with Microsoft", signInPage, StringComparison.Ordinal);
    }

    // Lee's client and another clinician's, made with their API keys.
    private async Task<BotApplicationFactory> StartWithTwoClientsAsync()
    {
        var sut = Start(Entra.Settings);
        using var http = sut.CreateClient();
        await new ClinicianApiClient(http, LeeKey).CreateClientAsync("Robin T.");
        await new ClinicianApiClient(http, OtherKey).CreateClientAsync("Sam K.");
        return sut;
    }

    // As a browser would: /clinic/me → Entra ID → the form post back → /clinic/me, signed in.
    private async Task<JsonNode> SignInAndGetMeAsync(BotApplicationFactory sut)
    {
        using var http = sut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var signIn = await CompleteSignInAsync(http, jar);
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(EntraIdSignIn.MePath, signIn.Headers.Location?.OriginalString);

        using var me = await SendAsync(http, HttpMethod.Get, EntraIdSignIn.MePath, jar);
        var text = await me.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(me.StatusCode == HttpStatusCode.OK, $"{(int)me.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    // The challenge (at /clinic/me, or "Sign in with Microsoft" on the console's sign-in page), Entra ID's sign-in page
    // (which posts back at once) and that post; returns the post's answer.
    private async Task<HttpResponseMessage> CompleteSignInAsync(HttpClient http, Dictionary<string, string> jar, bool fromConsole = false)
    {
        using var challenge = fromConsole ? await ClickSignInWithMicrosoftAsync(http, jar) : await SendAsync(http, HttpMethod.Get, EntraIdSignIn.MePath, jar);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var browser = new HttpClient(Entra.CreateRedirectHandler());
        var page = await browser.GetStringAsync(challenge.Headers.Location, TestContext.Current.CancellationToken);
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value));
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);
        return await SendAsync(http, HttpMethod.Post, action.PathAndQuery, jar, new FormUrlEncodedContent(fields));
    }

    // The console's sign-in page, then its "Sign in with Microsoft" form posted with the page's anti-forgery token.
    private static async Task<HttpResponseMessage> ClickSignInWithMicrosoftAsync(HttpClient http, Dictionary<string, string> jar)
    {
        using var signInPage = await SendAsync(http, HttpMethod.Get, "/clinic/sign-in", jar);
        var form = MicrosoftForm().Match(await signInPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(form.Success, "The sign-in page offers no Sign in with Microsoft form");
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(form.Value).Groups[1].Value);
        return await SendAsync(http, HttpMethod.Post, EntraIdSignIn.ConsoleSignInPath, jar, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    // Cookies by hand: the test host's cookie container would apply Secure and SameSite as a browser on http would not.
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, Dictionary<string, string> jar, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                jar.Remove(pair[0]);
            }
            else
            {
                jar[pair[0]] = pair[1];
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<form method=\"post\" action=\"/clinic/sign-in/microsoft\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex MicrosoftForm();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
