using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Page object for the clinic demo page with the real Web Chat on it: what a person sees and does, without the
/// tests knowing Web Chat's markup.
/// </summary>
public sealed partial class WebChatPage
{
    private static readonly float Timeout = 20_000;
    private readonly IPage _page;
    private int _webSockets;

    private WebChatPage(IPage page)
    {
        _page = page;
        _page.WebSocket += (_, _) => Interlocked.Increment(ref _webSockets);
    }

    /// <summary>How many WebSockets the page opened.</summary>
    public int WebSocketsOpened => _webSockets;

    public IPage Page => _page;

    /// <summary>Opens <c>/</c> on <paramref name="baseAddress"/>; <paramref name="transport"/> is <c>websocket</c> or <c>polling</c>.</summary>
    public static async Task<WebChatPage> OpenAsync(IBrowser browser, Uri baseAddress, string transport, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        var page = await context.NewPageAsync();
        var sut = new WebChatPage(page);
        await page.GotoAsync(new Uri(baseAddress, $"/?lang={language}&transport={transport}").ToString());
        return sut;
    }

    /// <summary>Waits until a message containing <paramref name="text"/> is shown in the transcript.</summary>
    public Task WaitForMessageAsync(string text) =>
        Transcript.GetByText(text, new LocatorGetByTextOptions { Exact = false }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

    /// <summary>Waits until the page's status line (above the chat) shows <paramref name="text"/>.</summary>
    public Task WaitForStatusAsync(string text) =>
        _page.Locator("#chat-status", new PageLocatorOptions { HasText = text }).WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

    /// <summary>Clicks the suggested action whose label is <paramref name="title"/>.</summary>
    public Task ClickSuggestedActionAsync(string title) =>
        _page.Locator(".webchat__suggested-actions")
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true })
            .ClickAsync(new LocatorClickOptions { Timeout = Timeout });

    /// <summary>Types <paramref name="text"/> in the send box and presses Enter.</summary>
    public async Task TypeAndSendAsync(string text)
    {
        var sendBox = _page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text, new LocatorFillOptions { Timeout = Timeout });
        await sendBox.PressAsync("Enter");
    }

    /// <summary>Whether Web Chat marked any message as failed to send.</summary>
    public Task<int> CountSendFailuresAsync() => _page.GetByText(SendFailed()).CountAsync();

    public async Task<byte[]> ScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    private ILocator Transcript => _page.Locator("#webchat");

    [GeneratedRegex("Send failed|No se pudo enviar", RegexOptions.IgnoreCase)]
    private static partial Regex SendFailed();
}
