using CompassionBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// End to end in a real browser: the demo page's official Web Chat talks to our Direct Line on a real port.
/// Skipped (with the reason) where /usr/bin/chromium is missing; CI installs it.
/// </summary>
public sealed class WebChatDemoPageTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task DemoPage_WebChat_ShowsWelcomeAnswersSuggestedActionAndTypedMessage(string transport)
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path);
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, transport);

        await sut.WaitForMessageAsync(DirectLineTestBot.Welcome);
        await sut.ClickSuggestedActionAsync(DirectLineTestBot.WelcomeChoices[0]);
        await sut.WaitForMessageAsync($"You said: {DirectLineTestBot.WelcomeChoices[0]}");
        await sut.TypeAndSendAsync("I feel a little calmer");
        await sut.WaitForMessageAsync("You said: I feel a little calmer");
        var screenshot = await sut.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", $"webchat-demo-{transport}.png"));
        TestContext.Current.AddAttachment($"webchat-demo-{transport}.png", screenshot, "image/png");

        Assert.Equal(0, await sut.CountSendFailuresAsync());
        if (transport == "websocket")
        {
            Assert.True(sut.WebSocketsOpened > 0);
        }
        else
        {
            Assert.Equal(0, sut.WebSocketsOpened);
        }
    }

    [Fact]
    public async Task DemoPage_InSpanish_WebChatsOwnStringsSayTuAsTheBotDoes()
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path);
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, "websocket", language: "es", browserLocale: "es-MX");

        await sut.WaitForMessageAsync(DirectLineTestBot.Welcome);

        Assert.Equal("Escribe tu mensaje", await sut.SendBoxPlaceholderAsync());
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task DemoPage_TokenExpired_TellsThePersonTheSessionEnded(string transport)
    {
        WebChatBrowser.SkipUnlessAvailable();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var factory = new DirectLineAppFactory(_data.Path, time);
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, transport);
        await sut.WaitForMessageAsync(DirectLineTestBot.Welcome);

        // The page slept past the token's 30 minutes, so DirectLineJS could not renew it.
        time.Advance(TimeSpan.FromMinutes(31));
        await sut.TypeAndSendAsync("Are you still there?");

        // The service answers the expired token with 403, which DirectLineJS reports to the page as ExpiredToken.
        await sut.WaitForStatusAsync("This chat session has ended. Reload the page to start a new one.");
    }

    public void Dispose() => _data.Dispose();
}
