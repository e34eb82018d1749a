using CompassionBot.Dialogs.Safety;
using System.Net;
using CompassionBot.Dialogs.Content;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Safety;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// The real bot over Direct Line with its SQLite file in a small tmpfs that fills up: a crisis message, which the log
/// can no longer take, is still screened and its referral reaches the person's open stream; the post fails so that
/// Web Chat offers to send it again, and nothing else pretends to have been saved.
/// </summary>
public sealed class DirectLineDiskFullTests
{
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    [Fact]
    public async Task CrisisMessage_DiskFull_ReferralReachesTheOpenStreamAndThePostFails()
    {
        await using var disk = await TmpfsMount.MountAsync(16 * 1024 * 1024);
        await using var factory = new DirectLineAppFactory(disk.Path, useTestBot: false, settings: new Dictionary<string, string?>
        {
            ["Clinic:Region"] = "US",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var client = new DirectLineTestClient(factory.CreateLoopbackClient());
        var (conversationId, token) = await client.StartAsync("dl_disk-full", "en-US");
        using var stream = await DirectLineStreamClient.ConnectAsync(await client.StreamUrlAsync(conversationId, token));
        await ReceiveBotTextsUntilAsync(stream, Messages.Get("menu.intro", "en"));
        await DiskFullTests.FillAsync(disk, Path.Combine(disk.Path, "compassionbot.db"), TestContext.Current.CancellationToken);

        using var posted = await client.PostMessageAsync(conversationId, token, "I want to kill myself", "c-1");
        var referral = await ReceiveBotTextsUntilAsync(stream, PhoneLinks.Markdown(Messages.Get("referral.US", "en")));

        Assert.Equal(HttpStatusCode.BadGateway, posted.StatusCode);
        Assert.Equal([Messages.Get("crisis.referral", "en"), PhoneLinks.Markdown(Messages.Get("referral.US", "en"))], referral.Take(2));
        Assert.Contains("988", referral[1], StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReceiveBotTextsUntilAsync(DirectLineStreamClient stream, string last)
    {
        var texts = new List<string>();
        while (!texts.Any(t => t.Contains(last, StringComparison.Ordinal)))
        {
            var set = await stream.ReceiveSetAsync();
            texts.AddRange(set.Activities.Where(a => a.IsMessage && a.From?.Role != "user").Select(a => a.Text ?? ""));
        }

        return texts;
    }
}
