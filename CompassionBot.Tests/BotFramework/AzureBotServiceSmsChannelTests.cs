using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

/// <summary>
/// The Azure Bot Service SMS channel (<c>channelId: sms</c>) over /api/messages: plain text, numbered choices that are
/// recognised back, and the same safety gate and dialogs as every channel.
/// </summary>
public sealed class AzureBotServiceSmsChannelTests : IAsyncLifetime
{
    private readonly BotApplicationFactory _sut = new();
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _http = _sut.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sut.DisposeAsync();
    }

    [Fact]
    public async Task Menu_OnSms_PlainTextWithNumberedChoicesAndNoButtons()
    {
        var person = new MessagesClient(_http, "+14255550101", "+14255550101", "sms");

        var replies = await person.SayAsync("menu", TestContext.Current.CancellationToken);

        var menu = Assert.Single(replies);
        Assert.False(menu.TryGetProperty("suggestedActions", out _));
        Assert.False(menu.TryGetProperty("attachments", out _));
        Assert.Contains("1", menu.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumberReply_OnSms_PicksThePracticeShownWithThatNumber()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "+14255550102", "+14255550102", "sms");
        var menu = Assert.Single(await person.SayAsync("menu", ct)).GetProperty("text").GetString()!;
        var firstTitle = menu.Split('\n').First(l => l.TrimStart().StartsWith('1'));

        var title = ExtractTitle(firstTitle);

        var texts = MessagesClient.Texts(await person.SayAsync("1", ct));

        Assert.True(title.Length > 3, $"no practice title on the menu's first line: '{firstTitle}'");
        Assert.StartsWith("Let's begin:", texts[0], StringComparison.Ordinal);
        Assert.Contains(title, texts[0], StringComparison.Ordinal);
        Assert.Contains("Text PAUSE", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("stop", texts[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CrisisMessage_OnSms_GetsTheReferralInTheSameTurn()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "+14255550103", "+14255550103", "sms");
        await person.SayAsync("menu", ct);

        var texts = MessagesClient.Texts(await person.SayAsync("i want to end my life", ct));

        Assert.Contains(texts, t => t.Contains("988", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Let's begin:", StringComparison.Ordinal));
    }

    private static string ExtractTitle(string menuLine)
    {
        // "1. Self-Compassion Break - 4 min" or "1) Self-Compassion Break · 4 min": the words between the number and the minutes.
        var afterNumber = menuLine.TrimStart().TrimStart('1').TrimStart('.', ')', ' ');
        var cut = afterNumber.IndexOfAny(['-', '·', '(']);
        return (cut > 0 ? afterNumber[..cut] : afterNumber).Trim();
    }
}
