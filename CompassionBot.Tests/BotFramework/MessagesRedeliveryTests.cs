using System.Net;
using System.Text.Json.Nodes;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using CompassionBot.Hosting;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.BotFramework;

/// <summary>
/// A channel's retried delivery through /api/messages (Azure Bot Service and Teams resend an activity they think timed
/// out), with the real bot and a durable store: the same activity id in the same conversation is answered from its
/// first turn and the turn never runs again, so a practice does not advance twice.
/// </summary>
public abstract class MessagesRedeliveryTests(string provider, PostgresServer server) : DurableBotHostTests(provider, server)
{
    private const string PracticeChoice = "Self-Compassion Break";


    [Fact]
    public async Task Post_SameActivityAgainWithExpectReplies_ReturnsTheFirstRepliesAndDoesNotRunTheTurnAgain()
    {
        var person = new MessagesClient(Http, "replayed");
        await person.JoinAsync(Ct);
        var choice = person.Message(PracticeChoice);
        var first = MessagesClient.Texts(await person.ExpectRepliesAsync(choice, Ct));
        var committed = await ReadAsync(Sut, "emulator/conversations/replayed");

        var again = MessagesClient.Texts(await person.ExpectRepliesAsync(choice, Ct));

        Assert.StartsWith("Before we start: how much distress", first[^1], StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Equal(committed, await ReadAsync(Sut, "emulator/conversations/replayed"));
    }

    [Fact]
    public async Task Post_SameActivityAgainWithNormalDelivery_DeliversTheRepliesOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var person = new MessagesClient(Http, "replayed-normal") { ServiceUrl = connector.ServiceUrl };
        var help = person.Message("help");
        await PostInBackgroundAsync(person, help);
        var delivered = connector.Posts.Count;

        await PostInBackgroundAsync(person, help);

        Assert.True(delivered > 0);
        Assert.Equal(delivered, connector.Posts.Count);
    }

    [Fact]
    public Task Post_SameActivityTwiceAtOnce_BothGetTheOneTurnsRepliesAndTheStateMovesOnOnce() =>
        AssertConcurrentRepeatsRunOnceAsync(Http);

    [Fact]
    public async Task Post_SameActivityAfterTheConfiguredWindow_RunsAsANewTurn()
    {
        await using var sut = StartInstance(new Dictionary<string, string?> { ["BotFramework:DeliveryDedupWindow"] = "00:10:00" });
        using var http = sut.CreateClient();
        var person = new MessagesClient(http, "expiring");
        await person.JoinAsync(Ct);
        var choice = person.Message(PracticeChoice);
        var first = MessagesClient.Texts(await person.ExpectRepliesAsync(choice, Ct));
        var committed = await ReadAsync(sut, "emulator/conversations/expiring");

        Time.Advance(TimeSpan.FromMinutes(10));
        var withinWindow = MessagesClient.Texts(await person.ExpectRepliesAsync(choice, Ct));
        var stillCommitted = await ReadAsync(sut, "emulator/conversations/expiring");
        Time.Advance(TimeSpan.FromSeconds(1));
        await person.ExpectRepliesAsync(choice, Ct);

        Assert.Equal(first, withinWindow);
        Assert.Equal(committed, stillCommitted);
        Assert.NotEqual(committed.ETag, (await ReadAsync(sut, "emulator/conversations/expiring")).ETag);
    }

    [Fact]
    public async Task Post_SameCrisisMessageAgain_GivesTheSameReferralAndAlertsTheClinicianOnce()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var sut = StartInstance(new Dictionary<string, string?>
        {
            ["Safety:AlertWebhookUrl"] = webhook.Url.ToString(),
            ["Safety:AlertRetryDelay"] = "00:00:00",
        });
        using var http = sut.CreateClient();
        var person = new MessagesClient(http, "crisis-replayed");
        await person.JoinAsync(Ct);
        var crisis = person.Message("I want to kill myself");
        var referral = MessagesClient.Texts(await person.ExpectRepliesAsync(crisis, Ct));
        await webhook.WaitForAsync(_ => true, TimeSpan.FromSeconds(20));
        var committed = await ReadAsync(sut, "emulator/conversations/crisis-replayed");

        var again = MessagesClient.Texts(await person.ExpectRepliesAsync(crisis, Ct));

        Assert.Contains(referral, text => text.Contains("988", StringComparison.Ordinal));
        Assert.Equal(referral, again);
        Assert.Equal(committed, await ReadAsync(sut, "emulator/conversations/crisis-replayed"));
        Assert.Single(await sut.Services.GetRequiredService<ICrisisEventStore>().ListAsync("emulator", "crisis-replayed", Ct));
        Assert.Single(webhook.Requests);
    }

    /// <summary>
    /// Posts one activity twice at once, once through <see cref="DurableBotHostTests.Http"/> and once through <paramref name="other"/>: both
    /// answers are the replies of a single turn, and the conversation ends in the state of a conversation that got the
    /// activity once.
    /// </summary>
    private protected async Task AssertConcurrentRepeatsRunOnceAsync(HttpClient other)
    {
        var once = new MessagesClient(Http, "once", userId: "user-once");
        var here = new MessagesClient(Http, "twice", userId: "user-twice");
        var there = new MessagesClient(other, "twice", userId: "user-twice");
        await once.JoinAsync(Ct);
        await here.JoinAsync(Ct);
        var expected = MessagesClient.Texts(await once.SayAsync(PracticeChoice, Ct));
        var choice = here.Message(PracticeChoice);

        var answers = await Task.WhenAll(
            Task.Run(() => here.ExpectRepliesAsync(choice.DeepClone().AsObject(), Ct), Ct),
            Task.Run(() => there.ExpectRepliesAsync(choice.DeepClone().AsObject(), Ct), Ct));

        Assert.All(answers, answer => Assert.Equal(expected, MessagesClient.Texts(answer)));
        Assert.Equal((await ReadAsync(Sut, "emulator/conversations/once")).Json, (await ReadAsync(Sut, "emulator/conversations/twice")).Json);
    }

    private protected static async Task<StoreItem> ReadAsync(BotApplicationFactory instance, string key) =>
        (await instance.Services.GetRequiredService<IStorage>().ReadAsync([key], Ct))[key];

    private async Task PostInBackgroundAsync(MessagesClient person, JsonObject activity)
    {
        using var response = await person.PostAsync(activity, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Sut.Services.GetRequiredService<BackgroundTurnRunner>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }
}
