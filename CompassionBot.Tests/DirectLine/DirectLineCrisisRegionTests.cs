using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// The real bot over Direct Line on a real port: the lines a web chat client gets follow the clinic's region, and a
/// locale's country only when it has lines of its own; the welcome, help and the referral name the same line.
/// </summary>
public sealed class DirectLineCrisisRegionTests : IDisposable
{
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("es-ES")]
    [InlineData("es-MX")]
    [InlineData("es")]
    public async Task SpanishSpeakerOfAUsClinic_Polling_WelcomeHelpAndReferralName988InSpanish(string locale)
    {
        await using var factory = RealBot("US");
        var client = new DirectLineTestClient(factory.CreateLoopbackClient());
        var (conversationId, token) = await client.StartAsync("dl_es-" + locale, locale);
        var welcome = await BotTextsAsync(client, conversationId, token, watermark: null);

        var help = await SayAsync(client, conversationId, token, "ayuda", locale, "c-1");
        var referral = await SayAsync(client, conversationId, token, "me quiero morir", locale, "c-2");

        const string crisisLine = "llama o escribe AYUDA al [988](tel:988)";
        Assert.Contains(crisisLine, welcome[0], StringComparison.Ordinal);
        Assert.Contains(crisisLine, help[0], StringComparison.Ordinal);
        Assert.Equal(Messages.Get("crisis.referral", "es"), referral[0]);
        Assert.Equal(PhoneLinks.Markdown(Messages.Get("referral.US", "es")), referral[1]);
        Assert.All(["988", "marca 2", "AYUDA", "911"], s => Assert.Contains(s, referral[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnglishSpeakerOfAUkClinic_WebSocket_WelcomeHelpAndReferralNameSamaritansAnd999()
    {
        await using var factory = RealBot("GB");
        var client = new DirectLineTestClient(factory.CreateLoopbackClient());
        var (conversationId, token) = await client.StartAsync("dl_gb", "en-GB");
        using var stream = await DirectLineStreamClient.ConnectAsync(await client.StreamUrlAsync(conversationId, token));
        var welcome = await ReceiveBotTextsUntilAsync(stream, Messages.Get("menu.intro", "en"));

        await PostAsync(client, conversationId, token, "help", "en-GB", "c-1");
        var help = await ReceiveBotTextsUntilAsync(stream, Messages.Get("menu.intro", "en"));
        await PostAsync(client, conversationId, token, "i want to kill myself", "en-GB", "c-2");
        var referral = await ReceiveBotTextsUntilAsync(stream, PhoneLinks.Markdown(Messages.Get("referral.GB", "en")));

        const string crisisLine = "call Samaritans on [116 123](tel:116123)";
        Assert.Contains(crisisLine, welcome[0], StringComparison.Ordinal);
        Assert.Contains(crisisLine, help[0], StringComparison.Ordinal);
        Assert.Equal([Messages.Get("crisis.referral", "en"), PhoneLinks.Markdown(Messages.Get("referral.GB", "en"))], referral.Take(2));
        Assert.All(["116 123", "999"], s => Assert.Contains(s, referral[1], StringComparison.Ordinal));
        Assert.All(welcome.Concat(help).Concat(referral), t => Assert.DoesNotContain("988", t, StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();

    private DirectLineAppFactory RealBot(string clinicRegion) =>
        new(_data.Path, useTestBot: false, settings: new Dictionary<string, string?>
        {
            ["Clinic:Region"] = clinicRegion,
            ["Logging:LogLevel:Default"] = "Warning",
        });

    /// <summary>Sends <paramref name="text"/> and returns the bot's replies to it (they are in the log when the POST returns).</summary>
    private static async Task<List<string>> SayAsync(DirectLineTestClient client, string conversationId, string token, string text, string locale, string clientActivityId)
    {
        var before = (await client.GetActivitiesAsync(conversationId, token)).Watermark;
        await PostAsync(client, conversationId, token, text, locale, clientActivityId);
        return await BotTextsAsync(client, conversationId, token, before);
    }

    private static async Task PostAsync(DirectLineTestClient client, string conversationId, string token, string text, string locale, string clientActivityId)
    {
        using var response = await client.PostMessageAsync(conversationId, token, text, clientActivityId, locale: locale);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<List<string>> BotTextsAsync(DirectLineTestClient client, string conversationId, string token, string? watermark) =>
        BotTexts((await client.GetActivitiesAsync(conversationId, token, watermark)).Activities);

    /// <summary>The bot's message texts pushed on <paramref name="stream"/> up to and including one containing <paramref name="last"/>.</summary>
    private static async Task<List<string>> ReceiveBotTextsUntilAsync(DirectLineStreamClient stream, string last)
    {
        var texts = new List<string>();
        while (!texts.Any(t => t.Contains(last, StringComparison.Ordinal)))
        {
            texts.AddRange(BotTexts((await stream.ReceiveSetAsync()).Activities));
        }

        return texts;
    }

    private static List<string> BotTexts(IEnumerable<Activity> activities) =>
        [.. activities.Where(a => a.IsMessage && a.From?.Role != "user").Select(a => a.Text ?? "")];
}
