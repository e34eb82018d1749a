using System.Collections.Concurrent;
using System.Text.Json;
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
    private readonly ConcurrentQueue<string?> _sentLocales = new();
    private readonly ConcurrentQueue<string> _issuedUserIds = new();
    private int _webSockets;

    private WebChatPage(IPage page)
    {
        _page = page;
        _page.WebSocket += (_, _) => Interlocked.Increment(ref _webSockets);
        _page.Request += (_, request) => RecordSentLocale(request);
    }

    /// <summary>The user id of every token the page got from the demo token endpoint, in order.</summary>
    public IReadOnlyList<string> IssuedUserIds => [.. _issuedUserIds];

    /// <summary>How many WebSockets the page opened.</summary>
    public int WebSocketsOpened => _webSockets;

    /// <summary>
    /// The <c>locale</c> of every body the page POSTed to Direct Line (the conversation start and each activity), in
    /// order; null for a body without one.
    /// </summary>
    public IReadOnlyList<string?> SentLocales => [.. _sentLocales];

    public IPage Page => _page;

    /// <summary>
    /// Opens <c>/</c> on <paramref name="baseAddress"/>; <paramref name="transport"/> is <c>websocket</c> or <c>polling</c>.
    /// <paramref name="language"/> is the page's <c>?lang=</c> (null: none, so the page follows the browser);
    /// <paramref name="browserLocale"/> is the browser's language (<c>navigator.language</c>, Accept-Language);
    /// <paramref name="viewport"/> the window's size in CSS pixels (default 900×1000).
    /// </summary>
    public static async Task<WebChatPage> OpenAsync(
        IBrowser browser, Uri baseAddress, string transport, string? language = "en", string? browserLocale = null, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 900, Height = 1000 },
            Locale = browserLocale,
        });
        var page = await context.NewPageAsync();
        var sut = new WebChatPage(page);
        var query = language is null ? $"?transport={transport}" : $"?lang={language}&transport={transport}";
        await sut.LoadAsync(() => page.GotoAsync(new Uri(baseAddress, "/" + query).ToString()));
        return sut;
    }

    /// <summary>Reloads the page, as a person coming back later does, until it has its new token.</summary>
    public Task ReloadAsync() => LoadAsync(() => _page.ReloadAsync());

    /// <summary>The page's "If you need help now" panel once its text contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForSafetyPanelAsync(string text)
    {
        var panel = _page.Locator("aside.safety", new PageLocatorOptions { HasText = text });
        await panel.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        return await panel.InnerTextAsync();
    }

    /// <summary>The browser's language as the page's scripts see it (<c>navigator.language</c>).</summary>
    public Task<string> BrowserLanguageAsync() => _page.EvaluateAsync<string>("() => navigator.language");

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

    /// <summary>The send box's placeholder, once the send box is there.</summary>
    public Task<string?> SendBoxPlaceholderAsync() =>
        _page.Locator("[data-id='webchat-sendbox-input']").GetAttributeAsync("placeholder", new LocatorGetAttributeOptions { Timeout = Timeout });

    /// <summary>
    /// Whether the first link in the transcript whose address starts with <paramref name="href"/> is on screen as the page
    /// is, without scrolling the page or the chat: inside the window and not covered or clipped (the topmost element at
    /// its centre).
    /// </summary>
    public Task<bool> IsLinkOnScreenAsync(string href) => IsOnScreenAsync(Transcript.Locator($"a[href^='{href}']").First);

    /// <summary>Whether the send box is on screen as the page is, without scrolling (see <see cref="IsLinkOnScreenAsync"/>).</summary>
    public Task<bool> IsSendBoxOnScreenAsync() => IsOnScreenAsync(_page.Locator("[data-id='webchat-sendbox-input']"));

    /// <summary>How far the page itself is scrolled, in CSS pixels.</summary>
    public Task<double> PageScrollYAsync() => _page.EvaluateAsync<double>("() => window.scrollY");

    /// <summary>Whether Web Chat marked any message as failed to send.</summary>
    public Task<int> CountSendFailuresAsync() => _page.GetByText(SendFailed()).CountAsync();

    public async Task<byte[]> ScreenshotAsync(string path, bool fullPage = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
    }

    private ILocator Transcript => _page.Locator("#webchat");

    private static async Task<bool> IsOnScreenAsync(ILocator element)
    {
        await element.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        return await element.EvaluateAsync<bool>(
            """
            e => {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
              const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return top !== null && (top === e || e.contains(top));
            }
            """);
    }

    // Loads the page and records the user id of the token it asks for (the page may fail to get one).
    private async Task LoadAsync(Func<Task> load)
    {
        var response = await _page.RunAndWaitForResponseAsync(
            load, r => r.Request.Method == "POST" && r.Url.EndsWith("/api/webchat/token", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = Timeout });
        if (response.Ok)
        {
            using var json = JsonDocument.Parse(await response.TextAsync());
            _issuedUserIds.Enqueue(json.RootElement.GetProperty("userId").GetString()!);
        }
    }

    private void RecordSentLocale(IRequest request)
    {
        if (request.Method != "POST" || !request.Url.Contains("/v3/directline/conversations", StringComparison.Ordinal) || request.PostData is not { Length: > 0 } body)
        {
            return;
        }

        using var json = JsonDocument.Parse(body);
        _sentLocales.Enqueue(json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("locale", out var locale) ? locale.GetString() : null);
    }

    [GeneratedRegex("Send failed|No se pudo enviar", RegexOptions.IgnoreCase)]
    private static partial Regex SendFailed();
}
