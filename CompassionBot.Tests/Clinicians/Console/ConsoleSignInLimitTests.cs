using System.Net;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Console;

/// <summary>
/// The console's key sign-in over HTTP is limited per client address: beyond the limit it answers 429 with a message on
/// the sign-in page, does not check the key (the right key is refused too), and logs that without the key.
/// </summary>
public sealed class ConsoleSignInLimitTests
{
    private const int SignInLimitedEvent = 7279;
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_BeyondTheAttemptsPerMinute_IsRefusedWith429EvenWithTheRightKey()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:SignInAttemptsPerMinute"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            using var clinician = ClinicConsoleClient.Create(host);
            using var signedIn = await clinician.SignInAsync(SmsTestHost.ApiKey);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var sut = ClinicConsoleClient.Create(host);
        using var response = await sut.SignInAsync(SmsTestHost.ApiKey);

        await AssertRefusedAsync(host, sut, response, "Too many sign-in attempts from your network. Please wait a minute, then try again.");
    }

    [Fact]
    public async Task SignIn_AfterTheFailuresPerHour_IsRefusedWith429EvenWithTheRightKey()
    {
        await using var host = await SmsTestHost.StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:SignInFailuresPerHour"] = "2" });
        using var sut = ClinicConsoleClient.Create(host);
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await sut.SignInAsync("not-a-key");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var response = await sut.SignInAsync(SmsTestHost.ApiKey);

        await AssertRefusedAsync(host, sut, response, "Too many wrong keys from your network. Sign-in is paused for up to an hour;");
    }

    private static async Task AssertRefusedAsync(SmsTestHost host, ClinicConsoleClient sut, HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<p class=\"error\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(message)}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("That key was not recognised", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("CompassionBot.Clinic=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await sut.GetPageAsync("/clinic")).Status);
        var logged = Assert.Single(host.Logs.Entries, e => e.EventId.Id == SignInLimitedEvent);
        Assert.DoesNotContain(SmsTestHost.ApiKey, logged.Message, StringComparison.Ordinal);
    }
}
