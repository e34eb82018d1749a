using CompassionBot.Tests.Support;

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

    public void Dispose() => _data.Dispose();
}
