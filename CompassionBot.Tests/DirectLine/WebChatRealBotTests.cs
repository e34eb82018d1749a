using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// End to end in a real browser with the real bot: the demo page's Web Chat receives the welcome, completes a
/// Self-Compassion Break by clicking suggested actions and typing, and a crisis message shows the referral.
/// Skipped (with the reason) where /usr/bin/chromium is missing; CI installs it.
/// </summary>
public sealed class WebChatRealBotTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task DemoPage_RealBot_CompletesSelfCompassionBreakThenShowsCrisisReferral(string transport)
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path, useTestBot: false);
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, transport);

        await StartSelfCompassionBreakAsync(sut);
        await sut.ClickSuggestedActionAsync("Next");
        await sut.WaitForMessageAsync("Difficulty is part of being human");
        await sut.ClickSuggestedActionAsync("Next");
        await sut.WaitForMessageAsync("rest a hand on your heart");
        await sut.ClickSuggestedActionAsync("Next");
        await sut.WaitForMessageAsync("offer yourself a kind word");
        await sut.TypeAndSendAsync("You are doing your best with a hard week.");
        await sut.WaitForMessageAsync("And now, from 0");
        await sut.TypeAndSendAsync("4");
        await sut.WaitForMessageAsync("How did that feel?");
        await sut.ClickSuggestedActionAsync("Helpful");
        await sut.WaitForMessageAsync("That's the end of the practice");
        await sut.TypeAndSendAsync("i just want to kill myself");
        await sut.WaitForMessageAsync("I'm really glad you told me");
        await sut.WaitForMessageAsync("988");
        var screenshot = await sut.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", $"webchat-realbot-{transport}.png"));
        TestContext.Current.AddAttachment($"webchat-realbot-{transport}.png", screenshot, "image/png");

        Assert.Equal(0, await sut.CountSendFailuresAsync());
    }

    [Theory]
    [InlineData("es", null, "es")]
    [InlineData("es-MX", null, "es-MX")]
    [InlineData("en-US", "es", "es")]
    public async Task DemoPage_SpanishOfAUsClinic_WelcomesWith988AndSendsNoInventedRegion(string browserLocale, string? pageLanguage, string sentLocale)
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path, useTestBot: false, settings: new Dictionary<string, string?> { ["Clinic:Region"] = "US" });
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, "polling", pageLanguage, browserLocale);

        await sut.WaitForMessageAsync("llama o escribe AYUDA al 988");
        var panel = await sut.WaitForSafetyPanelAsync("988");
        await sut.TypeAndSendAsync("me quiero morir");
        await sut.WaitForMessageAsync("marca 2 para español");

        Assert.Equal(browserLocale, await sut.BrowserLanguageAsync());
        Assert.Contains("Si es urgente, llama o escribe AYUDA al 988.", panel, StringComparison.Ordinal);
        Assert.Contains("llama al 911 ahora", panel, StringComparison.Ordinal);
        Assert.True(sut.SentLocales.Count >= 2, "the conversation start and the message each carry a locale");
        Assert.All(sut.SentLocales, locale => Assert.Equal(sentLocale, locale));
    }

    [Fact]
    public async Task DemoPage_Reload_KeepsTheUserAndTheBotWelcomesThemBackToTheirPausedPractice()
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path, useTestBot: false);
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, "polling");
        await StartSelfCompassionBreakAsync(sut);
        await sut.TypeAndSendAsync("pause");
        await sut.WaitForMessageAsync("I've saved how far you got in Self-Compassion Break");

        await sut.ReloadAsync();

        await sut.WaitForMessageAsync("Welcome back. Last time: Self-Compassion Break.");
        await sut.ClickSuggestedActionAsync("Resume Self-Compassion Break");
        await sut.WaitForMessageAsync("Let's pick up Self-Compassion Break where you stopped.");
        await sut.TypeAndSendAsync("5");
        await sut.WaitForMessageAsync("This is a moment of difficulty");
        Assert.Equal(2, sut.IssuedUserIds.Count);
        Assert.Equal(sut.IssuedUserIds[0], sut.IssuedUserIds[1]);
    }

    [Theory]
    [InlineData(390, 844, "en", "tel:988")]
    [InlineData(390, 844, "es", "tel:988")]
    [InlineData(1280, 800, "en", "tel:988")]
    public async Task DemoPage_Welcome_CrisisLineLinkAndSendBoxOnScreenWithoutScrolling(int width, int height, string language, string crisisLink)
    {
        WebChatBrowser.SkipUnlessAvailable();
        await using var factory = new DirectLineAppFactory(_data.Path, useTestBot: false, settings: new Dictionary<string, string?> { ["Clinic:Region"] = "US" });
        await using var browser = await WebChatBrowser.LaunchAsync();
        var sut = await WebChatPage.OpenAsync(browser.Browser, factory.BaseAddress, "polling", language, viewport: new() { Width = width, Height = height });
        await sut.WaitForMessageAsync(language == "es" ? "Aquí tienes algunas" : "Here are a few");
        var screenshot = await sut.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", $"webchat-welcome-{width}x{height}-{language}.png"), fullPage: false);
        TestContext.Current.AddAttachment($"webchat-welcome-{width}x{height}-{language}.png", screenshot, "image/png");

        Assert.True(await sut.IsLinkOnScreenAsync(crisisLink), "the welcome's crisis line is on screen");
        Assert.True(await sut.IsSendBoxOnScreenAsync(), "the send box is on screen");
        Assert.Equal(0, await sut.PageScrollYAsync());
    }

    public void Dispose() => _data.Dispose();

    // From the welcome to the break's second step: choose it, rate 6, go on once.
    private static async Task StartSelfCompassionBreakAsync(WebChatPage sut)
    {
        await sut.WaitForMessageAsync("CompassionBot: short kindness practices");
        await sut.ClickSuggestedActionAsync("Self-Compassion Break");
        await sut.WaitForMessageAsync("how much distress do you feel right now");
        await sut.TypeAndSendAsync("6");
        await sut.WaitForMessageAsync("Bring to mind something");
        await sut.ClickSuggestedActionAsync("Next");
        await sut.WaitForMessageAsync("This is a moment of difficulty");
    }
}
