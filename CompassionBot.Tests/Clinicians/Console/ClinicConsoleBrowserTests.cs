using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CompassionBot.Tests.Clinicians.Console;

/// <summary>
/// The clinician console in a real browser (Debian's Chromium) against the real service and bot: sign in with a key,
/// find the client, see one chart point per rated session, write a safety plan the bot then sends in a crisis
/// referral, acknowledge the alert; axe-core finds no serious or critical violation on any page. Skipped (with the
/// reason) where /usr/bin/chromium is missing.
/// </summary>
public sealed class ClinicConsoleBrowserTests : IDisposable
{
    private const string ApiKey = "browser-clinician-key";
    private const string Plan = "Call Sam (555-0101); walk to the park; breathe slowly for two minutes.";
    private static readonly float Timeout = 20_000;
    private readonly TempDirectory _data = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Console_SignInFindChartPlanAcknowledge_WorksAndEveryPageIsAccessible()
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path, useTestBot: false, settings: new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-test"] = ApiKey });
        using var http = factory.CreateLoopbackClient();
        var api = new ClinicianApiClient(http, ApiKey);
        await api.CreateClientAsync("Alex C");
        var (_, code) = await api.CreateClientAsync("Robin B");
        var teams = new MessagesClient(http, "a:1teams-personal-chat", "29:1client-aad", "msteams");
        await teams.SayAsync($"link {code}", Ct);
        await teams.SayAsync("yes", Ct);
        await ClientRecordTests.SoothingBreathAsync(teams, before: "7", after: "4");
        await ClientRecordTests.SoothingBreathAsync(teams, before: "6", after: "2");
        await using var browser = await WebChatBrowser.LaunchAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 1366 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync(new Uri(factory.BaseAddress, "/clinic").ToString());
        await AssertAccessibleAsync(page, "sign-in");
        await page.GetByLabel("Clinician key").FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Search by alias").FillAsync("robin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/clinic?search=robin");
        await AssertAccessibleAsync(page, "clients");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Alex C" }).CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Robin B" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Distress over time" }).WaitForAsync();
        Assert.Equal(2, await page.Locator("svg g.session").CountAsync());
        Assert.Equal(2, await page.Locator("table.ratings tbody tr").CountAsync());
        await AssertAccessibleAsync(page, "client");
        await page.GetByLabel("Plan text").FillAsync(Plan);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save safety plan" }).ClickAsync();
        await page.GetByText("Safety plan saved").WaitForAsync();
        var referral = MessagesClient.Texts(await teams.SayAsync("I want to kill myself", Ct));
        Assert.Contains($"Your safety plan: {Plan}", referral);

        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Crisis — Robin B" }).WaitForAsync();
        await AssertAccessibleAsync(page, "alerts");
        await page.GetByLabel("Note (optional)").FillAsync("Called; safe tonight.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await page.GetByText("Alert acknowledged.").WaitForAsync();
        await page.GetByText("Acknowledged by dr-test").WaitForAsync();
        Assert.Equal("Called; safe tonight.", await page.Locator(".alert blockquote").InnerTextAsync());
        await AssertAccessibleAsync(page, "alerts-acknowledged");
    }

    public void Dispose() => _data.Dispose();

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        TestContext.Current.AddAttachment($"clinic-{name}.png", screenshot, "image/png");
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join(" | ", serious));
    }
}
