using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using CompassionBot.Hosting;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.BotFramework;

/// <summary>/api/messages with the real bot (safety gate, interruptions, dialogs) in local mode, in-memory state.</summary>
public sealed class MessagesEndpointHandlerTests : IAsyncLifetime
{
    private static readonly MessageCatalog Messages = MessageCatalog.Load(Practices.RealContent.RootPath);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private BotApplicationFactory _sut = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _sut = new BotApplicationFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }, services => services.AddSingleton<TimeProvider>(_time));
        _http = _sut.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sut.DisposeAsync();
    }

    [Fact]
    public async Task Post_ConversationUpdateWithExpectReplies_WelcomesWith988AndOffersAPractice()
    {
        var person = new MessagesClient(_http, "welcome-1");

        var replies = await person.JoinAsync(TestContext.Current.CancellationToken);

        var texts = MessagesClient.Texts(replies);
        Assert.Equal(2, texts.Count);
        Assert.Contains("not a crisis service", texts[0], StringComparison.Ordinal);
        Assert.Contains("988", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Here are a few that might suit you", texts[1], StringComparison.Ordinal);
        var offered = replies[1].GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.Contains("Self-Compassion Break", offered);
        Assert.All(replies, r => Assert.Equal("welcome-1", r.GetProperty("conversation").GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("en-GB", "call Samaritans on 116 123")]
    [InlineData("en-AU", "call Lifeline on 13 11 14")]
    [InlineData("es-US", "llama o escribe AYUDA al 988")]
    public async Task Post_ConversationUpdateFromAnotherRegion_WelcomesWithThatRegionsCrisisLine(string locale, string crisisLine)
    {
        var person = new MessagesClient(_http, "welcome-" + locale);
        var join = person.Join();
        join["locale"] = locale;

        var welcome = MessagesClient.Texts(await person.ExpectRepliesAsync(join, TestContext.Current.CancellationToken))[0];

        Assert.Contains(crisisLine, welcome, StringComparison.Ordinal);
        if (!locale.EndsWith("-US", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("988", welcome, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("es-ES")]
    [InlineData("es-MX")]
    [InlineData("es")]
    public async Task Post_SpanishSpeakerOfAUsClinic_GetsTheSpanish988InTheWelcomeAndTheReferral(string locale)
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "es-us-" + locale);
        var join = person.Join();
        join["locale"] = locale;

        var welcome = MessagesClient.Texts(await person.ExpectRepliesAsync(join, ct))[0];
        var message = person.Message("me quiero morir");
        message["locale"] = locale;
        var referral = MessagesClient.Texts(await person.ExpectRepliesAsync(message, ct));

        Assert.Contains("llama o escribe AYUDA al 988", welcome, StringComparison.Ordinal);
        Assert.Equal(Messages.Get("crisis.referral", "es"), referral[0]);
        Assert.Equal(Messages.Get("referral.US", "es"), referral[1]);
        Assert.Contains("marca 2", referral[1], StringComparison.Ordinal);
        Assert.Contains("911", referral[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HelpFromTheUk_NamesSamaritansNot988()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "help-gb");
        var join = person.Join();
        join["locale"] = "en-GB";
        await person.ExpectRepliesAsync(join, ct);
        var help = person.Message("help");
        help["locale"] = "en-GB";

        var text = MessagesClient.Texts(await person.ExpectRepliesAsync(help, ct))[0];

        Assert.Contains("I'm not a crisis service: for urgent help, call Samaritans on 116 123.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("988", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PracticeWithExpectReplies_RunsTheSelfCompassionBreakAndSavesTheSession()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "practice-1");
        await person.JoinAsync(ct);

        var start = MessagesClient.Texts(await person.SayAsync("Self-Compassion Break", ct));
        var retry = MessagesClient.Texts(await person.SayAsync("pretty bad", ct));
        var difficulty = MessagesClient.Texts(await person.SayAsync("6", ct));
        var mindfulness = MessagesClient.Texts(await person.SayAsync("Next", ct));
        var humanity = MessagesClient.Texts(await person.SayAsync("Next", ct));
        var touch = MessagesClient.Texts(await person.SayAsync("Next", ct));
        var kindness = MessagesClient.Texts(await person.SayAsync("Next", ct));
        var after = MessagesClient.Texts(await person.SayAsync("It's okay, you're doing your best.", ct));
        var feel = MessagesClient.Texts(await person.SayAsync("4", ct));
        var done = MessagesClient.Texts(await person.SayAsync("helpful", ct));

        Assert.Collection(
            start,
            t => Assert.StartsWith("Let's begin: Self-Compassion Break (4 min).", t, StringComparison.Ordinal),
            t => Assert.StartsWith("Before we start: how much distress", t, StringComparison.Ordinal));
        Assert.Equal("A number from 0 to 10 is all I need, like 3 or 7.", Assert.Single(retry));
        Assert.StartsWith("Bring to mind something", Assert.Single(difficulty), StringComparison.Ordinal);
        Assert.StartsWith("Now say to yourself, quietly", Assert.Single(mindfulness), StringComparison.Ordinal);
        Assert.StartsWith("Next: \"Difficulty is part of being human.\"", Assert.Single(humanity), StringComparison.Ordinal);
        Assert.StartsWith("If you like, rest a hand on your heart", Assert.Single(touch), StringComparison.Ordinal);
        Assert.StartsWith("Now offer yourself a kind word", Assert.Single(kindness), StringComparison.Ordinal);
        Assert.Collection(
            after,
            t => Assert.Equal("Thank you for writing that.", t),
            t => Assert.StartsWith("And now, from 0 (none) to 10", t, StringComparison.Ordinal));
        Assert.Equal("How did that feel?", Assert.Single(feel));
        Assert.StartsWith("That's the end of the practice.", Assert.Single(done), StringComparison.Ordinal);
        var session = (await ReadProfileAsync("emulator/users/user-1")).GetProperty("history").EnumerateArray().Single();
        Assert.Equal((6, 4, "Helpful", "Completed"), (
            session.GetProperty("distressBefore").GetInt32(),
            session.GetProperty("distressAfter").GetInt32(),
            session.GetProperty("resonance").GetString(),
            session.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Post_PracticeStoppedAfterAnUnansweredRating_SavesAnAbandonedSessionWithoutARating()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "abandoned-1");
        await person.SayAsync("menu", ct);
        await person.SayAsync("Self-Compassion Break", ct);
        await person.SayAsync("dunno", ct);
        await person.SayAsync("no idea", ct);

        var stopped = MessagesClient.Texts(await person.SayAsync("stop", ct));

        Assert.StartsWith("Okay, we'll stop here", Assert.Single(stopped), StringComparison.Ordinal);
        var session = (await ReadProfileAsync("emulator/users/user-1")).GetProperty("history").EnumerateArray().Single();
        Assert.Equal(("self-compassion-break", "Abandoned"), (session.GetProperty("practiceId").GetString(), session.GetProperty("outcome").GetString()));
        Assert.False(session.TryGetProperty("distressBefore", out var before) && before.ValueKind != JsonValueKind.Null, "no rating was given");
        Assert.False(session.TryGetProperty("distressAfter", out var after) && after.ValueKind != JsonValueKind.Null, "no rating was given");
    }

    [Fact]
    public async Task Post_PracticeChosenWithExpectReplies_AsksTheRatingQuestionExpectingInput()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "input-hint-1");
        await person.JoinAsync(ct);

        var replies = await person.SayAsync("Self-Compassion Break", ct);

        var question = replies[^1];
        Assert.StartsWith("Before we start: how much distress", question.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("\"expectingInput\"", question.GetProperty("inputHint").GetRawText());
    }

    [Fact]
    public async Task Post_TeamsHtmlMessageWithCrisisLanguage_GetsTheReferral()
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "teams-html", channelId: "msteams");

        var replies = MessagesClient.Texts(await person.SayAsync("<p>I want to&nbsp;die</p>", ct));

        Assert.Equal(Messages.Get("crisis.referral", "en"), replies[0]);
        Assert.Contains(replies, t => t.Contains("988", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I want to kill\nmyself")]
    [InlineData("i dont want to\r\nlive anymore")]
    [InlineData("quiero\nmatarme")]
    [InlineData("I want to k\u200Bill myself")]
    [InlineData("I want to kil\u00ADl myself")]
    [InlineData("\uFF29 \uFF57\uFF41\uFF4E\uFF54 \uFF54\uFF4F \uFF44\uFF49\uFF45")]
    [InlineData("\u0456 want to d\u0456e")]
    [InlineData("I want to k\u0336i\u0336l\u0336l\u0336 myself")]
    public async Task Post_CrisisLanguageDisguisedByLineBreaksOrInvisibleOrLookAlikeCharacters_GetsTheReferral(string text)
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new MessagesClient(_http, "disguised-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(text))[..24], channelId: "msteams");

        var replies = MessagesClient.Texts(await person.SayAsync(text, ct));

        Assert.Equal(Messages.Get("crisis.referral", "en"), replies[0]);
        Assert.Contains(replies, t => t.Contains("988", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_MessageEditedToCrisisLanguage_GetsTheReferralSetsThePracticeAsideAndRecordsTheEvent()
    {
        var ct = TestContext.Current.CancellationToken;
        var (person, firstId) = await TeamsPersonWhoSaidAsync("edit-crisis", "Self-Compassion Break", ct);

        var referral = MessagesClient.Texts(await person.ExpectRepliesAsync(person.Edit(firstId, "I want to kill myself"), ct));
        var next = MessagesClient.Texts(await person.SayAsync("6", ct));

        Assert.Contains(referral, t => t.Contains("988", StringComparison.Ordinal));
        Assert.DoesNotContain(referral, t => t.Contains("distress", StringComparison.Ordinal));
        Assert.Equal(Messages.Get("crisis.mode.ask", "en", ("crisisLine", Messages.Get("crisisLine.US", "en"))), Assert.Single(next));
        var recorded = Assert.Single(await _sut.Services.GetRequiredService<ICrisisEventStore>().ListAsync("msteams", "edit-crisis", ct));
        Assert.Equal(RiskLevel.Crisis, recorded.Level);
    }

    [Fact]
    public async Task Post_MessageEditedToConcern_AsksTheScreeningQuestion()
    {
        var ct = TestContext.Current.CancellationToken;
        var (person, firstId) = await TeamsPersonWhoSaidAsync("edit-concern", "menu", ct);

        var replies = MessagesClient.Texts(await person.ExpectRepliesAsync(person.Edit(firstId, "I feel so hopeless"), ct));

        Assert.Equal([Messages.Get("screening.ask", "en")], replies);
    }

    [Fact]
    public async Task Post_MessageEditedWithoutRisk_IsNotAnsweredAndThePracticeGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        var (person, firstId) = await TeamsPersonWhoSaidAsync("edit-calm", "Self-Compassion Break", ct);

        var edited = await person.ExpectRepliesAsync(person.Edit(firstId, "Soothing Touch"), ct);
        var next = MessagesClient.Texts(await person.SayAsync("6", ct));

        Assert.Empty(edited);
        Assert.StartsWith("Bring to mind something", Assert.Single(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NormalDeliveryConnector429ThenOk_DeliversTheReplyExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        connector.Enqueue(429, retryAfter: "3");
        var person = new MessagesClient(_http, "delivery-1") { ServiceUrl = connector.ServiceUrl };
        var message = person.Message("help");

        using var response = await person.PostAsync(message, ct);
        await connector.WaitForPostsAsync(1);
        Assert.Single(connector.Posts);

        // The retry waits for Retry-After on the fake clock; tick it until the second attempt arrives (the retry's
        // timer may be armed a moment after the first answer reaches the fake).
        var retried = connector.WaitForPostsAsync(2);
        while (!retried.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(retried, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, ct));
        }

        await _sut.Services.GetRequiredService<BackgroundTurnRunner>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([429, 200], connector.Posts.Select(p => p.AnsweredStatus));
        var delivered = connector.Posts[1];
        Assert.Equal($"/amer/v3/conversations/delivery-1/activities/{message["id"]}", delivered.Path);
        Assert.StartsWith("I guide short practices", delivered.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(connector.Posts[0].Activity.Text, delivered.Activity.Text);
    }

    [Fact]
    public async Task Post_NormalDeliveryWithNoTraceRecorded_SendsTheReplyWithoutTraceContext()
    {
        // ASP.NET Core starts an Activity for every request (for log correlation) even when no trace is recorded;
        // carried into the background turn, it made every Connector call start a child Activity and send a traceparent.
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var person = new MessagesClient(_http, "untraced-1") { ServiceUrl = connector.ServiceUrl };

        using var response = await person.PostAsync(person.Message("help"), ct);
        await connector.WaitForPostsAsync(1);
        await _sut.Services.GetRequiredService<BackgroundTurnRunner>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(connector.Posts);
        Assert.StartsWith("I guide short practices", reply.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, reply.TraceParent);
    }

    [Fact]
    public async Task Post_NormalDeliveryFromASampledTrace_CarriesThatTraceToTheConnector()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var person = new MessagesClient(_http, "traced-1") { ServiceUrl = connector.ServiceUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative))
        {
            Content = new StringContent(person.Message("help").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");

        using var response = await _http.SendAsync(request, ct);
        await connector.WaitForPostsAsync(1);
        await _sut.Services.GetRequiredService<BackgroundTurnRunner>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"-{traceId}-", Assert.Single(connector.Posts).TraceParent, StringComparison.Ordinal);
    }

    // A Teams person who has joined and sent one message, and that message's id (to edit it).
    private async Task<(MessagesClient Person, string FirstId)> TeamsPersonWhoSaidAsync(string conversationId, string text, CancellationToken ct)
    {
        var person = new MessagesClient(_http, conversationId, channelId: "msteams");
        await person.JoinAsync(ct);
        var first = person.Message(text);
        await person.ExpectRepliesAsync(first, ct);
        return (person, first["id"]!.GetValue<string>());
    }

    private async Task<JsonElement> ReadProfileAsync(string key)
    {
        var items = await _sut.Services.GetRequiredService<IStorage>().ReadAsync([key], TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(items[key].Json);
        return document.RootElement.GetProperty("Profile").Clone();
    }
}
