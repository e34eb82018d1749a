using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A clinician's browser on the console at <c>/clinic</c>, over HTTP: it keeps cookies, follows no redirects, and posts
/// forms with the anti-forgery token of the page they are on, as the page's own form would.
/// </summary>
internal sealed partial class ClinicConsoleClient : IDisposable
{
    private ClinicConsoleClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>A console client of <paramref name="host"/> at <paramref name="baseAddress"/> (<c>https://localhost</c> for a secure request).</summary>
    public static ClinicConsoleClient Create(SmsTestHost host, string baseAddress = "http://localhost")
    {
        ArgumentNullException.ThrowIfNull(host);
        return new(host.CreateClient(Options(new Uri(baseAddress))));
    }

    /// <summary>A console client of the service <paramref name="factory"/> runs.</summary>
    public static ClinicConsoleClient Create(DirectLineAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(factory.CreateClient(Options(factory.BaseAddress)));
    }

    /// <summary>Signs in with <paramref name="key"/> through the sign-in form; returns the answer to the form.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string key) =>
        await PostFormAsync("/clinic/sign-in", "/clinic/sign-in", new Dictionary<string, string> { ["key"] = key });

    /// <summary>Opens <paramref name="path"/> and returns its status and HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Opens <paramref name="page"/> and posts <paramref name="fields"/> to <paramref name="action"/> with the page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (status, html) = await GetPageAsync(page);
        Assert.True(status == HttpStatusCode.OK, $"{page}: {(int)status}");
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{page} has no anti-forgery token");
        return await PostFormWithoutTokenAsync(action, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) });
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> as they are (no anti-forgery token unless among them).</summary>
    public async Task<HttpResponseMessage> PostFormWithoutTokenAsync(string action, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content, Ct);
    }

    public void Dispose() => Http.Dispose();

    private static WebApplicationFactoryClientOptions Options(Uri baseAddress) =>
        new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
