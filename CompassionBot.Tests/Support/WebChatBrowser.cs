using Microsoft.Playwright;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Debian's system Chromium (<c>/usr/bin/chromium</c>) driven headless by Playwright; no browser download.
/// Tests call <see cref="SkipUnlessAvailable"/> first, so a machine without Chromium reports them skipped.
/// </summary>
public sealed class WebChatBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private WebChatBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static void SkipUnlessAvailable() =>
        Assert.SkipUnless(File.Exists(ChromiumPath), $"{ChromiumPath} is not installed (apt-get install chromium); the browser test cannot run.");

    public static async Task<WebChatBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = Arguments,
            });
            return new WebChatBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
