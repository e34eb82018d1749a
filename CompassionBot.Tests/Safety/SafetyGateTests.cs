using System.Text.Json;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Safety;

/// <summary>The safety gate's turn-level flow through the real pipeline: screening, referrals by region, plans, the risk signal.</summary>
public sealed class SafetyGateTests : IClassFixture<BotApplicationFactory>
{
    private const string Concern = "I feel so hopeless";
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);
    private readonly BotApplicationFactory _factory;

    public SafetyGateTests(BotApplicationFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScreenAsync_ConcernMidPractice_AsksScreeningQuestionOnly()
    {
        var sut = await InPracticeAsync();

        var replies = await sut.SendAsync(Concern, Ct);

        Assert.Equal([Messages.Get("screening.ask", "en")], Texts(replies));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("maybe, I don't know")]
    public async Task ScreenAsync_ScreeningAnsweredYesOrUnclear_SendsCrisisReferral(string answer)
    {
        var sut = await InPracticeAsync();
        await sut.SendAsync(Concern, Ct);

        var replies = await sut.SendAsync(answer, Ct);

        Assert.Equal(CrisisTexts("en", "referral.US"), Texts(replies));
        var recorded = Assert.Single(await Events(sut));
        Assert.Contains(answer == "yes" ? "screening.yes" : "screening.unclear", recorded.Rules);
    }

    [Fact]
    public async Task ScreenAsync_ScreeningAnsweredNo_AcknowledgesAndPracticeContinues()
    {
        var sut = await InPracticeAsync();
        await sut.SendAsync(Concern, Ct);

        var replies = await sut.SendAsync("no", Ct);
        var next = await sut.SendAsync("Next", Ct);

        Assert.Equal(Messages.Get("screening.no", "en"), replies[0].Text);
        Assert.StartsWith("Bring to mind something", replies[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Now say to yourself", next[0].Text, StringComparison.Ordinal);
        Assert.Empty(await Events(sut));
    }

    [Fact]
    public async Task ScreenEditAsync_CalmEditAfterACrisis_SaysNothingAndCrisisModeGoesOn()
    {
        var sut = new TestConversation(_factory.Services, "msteams", "en-US");
        await sut.SendAsync("I want to kill myself", Ct);

        var edited = await sut.SendActivityAsync(new Activity { Type = ActivityTypes.MessageUpdate, Id = "a1", Text = "I want to rest" }, Ct);
        var next = await sut.SendAsync("ok", Ct);

        Assert.Empty(edited);
        Assert.Equal([Messages.Get("crisis.mode.ask", "en", ("crisisLine", Messages.Get("crisisLine.US", "en")))], Texts(next));
    }

    [Fact]
    public async Task ScreenEditAsync_ConcernEditWhileAQuestionWaits_AsksTheScreeningQuestionAndTheAnswerCounts()
    {
        var sut = await InPracticeAsync();

        var asked = await sut.SendActivityAsync(new Activity { Type = ActivityTypes.MessageUpdate, Id = "a1", Text = Concern }, Ct);
        var answered = await sut.SendAsync("yes", Ct);

        Assert.Equal([Messages.Get("screening.ask", "en")], Texts(asked));
        Assert.Equal(CrisisTexts("en", "referral.US"), Texts(answered));
    }

    [Theory]
    [InlineData("it was a joke, I didn't mean it", CrisisOutcome.PersonSaidFalseAlarm)]
    [InlineData("I'm safe now, I called 988", CrisisOutcome.PersonReachedHelp)]
    [InlineData("I'm safe", CrisisOutcome.PersonSaidSafe)]
    public async Task ScreenAsync_AfterAReferral_WhatThePersonSaysIsRecordedOnTheEvent(string said, CrisisOutcome outcome)
    {
        var sut = await InPracticeAsync();
        await sut.SendAsync("I want to kill myself", Ct);

        await sut.SendAsync(said, Ct);

        var recorded = Assert.Single(await Events(sut));
        Assert.Equal(outcome, recorded.Outcome);
        Assert.NotNull(recorded.OutcomeAt);
    }

    [Fact]
    public async Task ScreenAsync_FalseAlarmAfterTheFirstReply_IsNotAFalseAlarmAnyMore()
    {
        var sut = await InPracticeAsync();
        await sut.SendAsync("I want to kill myself", Ct);
        await sut.SendAsync("ok", Ct);

        var replies = await sut.SendAsync("it was a joke", Ct);

        Assert.Equal([Messages.Get("crisis.mode.ask", "en", ("crisisLine", Messages.Get("crisisLine.US", "en")))], Texts(replies));
        Assert.Equal(CrisisOutcome.LineGiven, Assert.Single(await Events(sut)).Outcome);
    }

    [Fact]
    public async Task ScreenAsync_NoToAreYouSafe_RefersAgainAndRecordsIt()
    {
        var sut = await InPracticeAsync();
        await sut.SendAsync("I want to kill myself", Ct);
        await sut.SendAsync("ok", Ct);

        var replies = await sut.SendAsync("no", Ct);

        Assert.Equal([Messages.Get("crisis.again", "en"), Messages.Get("referral.US", "en")], Texts(replies));
        Assert.Equal(2, (await Events(sut)).Count);
    }

    [Fact]
    public async Task ScreenAsync_InDangerFromSomeone_EmergencyNumberFirstAndSafeEndsIt()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));

        var referral = await sut.SendAsync("my stepdad keeps hitting me", Ct);
        var reminder = await sut.SendAsync("ok", Ct);
        var safe = await sut.SendAsync("he left, I'm safe now", Ct);

        Assert.Equal(Messages.Get("urgent.danger.US", "en"), referral[0].Text);
        Assert.Equal([Messages.Get("crisis.mode.danger", "en", ("emergencyLine", Messages.Get("emergencyLine.US", "en")))], Texts(reminder));
        Assert.Equal([Messages.Get("crisis.safe.ack", "en")], Texts(safe));
    }

    [Fact]
    public async Task ScreenAsync_SecondConcernAfterNo_AsksDirectQuestion()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US");
        await sut.SendAsync(Concern, Ct);
        await sut.SendAsync("no", Ct);

        var replies = await sut.SendAsync("I'm such a burden to everyone", Ct);

        Assert.Equal([Messages.Get("screening.ask.direct", "en")], Texts(replies));
    }

    [Fact]
    public async Task ScreenAsync_ConcernThenCalmThenConcern_AsksGentleQuestionAgain()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US");
        await sut.SendAsync(Concern, Ct);
        await sut.SendAsync("no", Ct);
        await sut.SendAsync("menu", Ct);

        var replies = await sut.SendAsync(Concern, Ct);

        Assert.Equal([Messages.Get("screening.ask", "en")], Texts(replies));
    }

    [Theory]
    [InlineData("test", "es-US", "user1", null, "es", "referral.US", "988")]
    [InlineData("test", "en-GB", "user1", null, "en", "referral.GB", "116 123")]
    [InlineData("test", "en-GB", "user1", null, "en", "referral.GB", "85258")]
    [InlineData("sms", "en-US", "+447400123456", null, "en", "referral.GB", "116 123")]
    [InlineData("sms", "en-US", "+16135550123", null, "en", "referral.CA", "988")]
    [InlineData("test", "en", "user1", "AU", "en", "referral.AU", "13 11 14")]
    [InlineData("test", "en-IE", "user1", null, "en", "referral.IE", "50808")]
    [InlineData("test", "en", "user1", "FR", "en", "referral.US", "988")]
    [InlineData("test", "es-MX", "user1", null, "es", "referral.US", "AYUDA")]
    [InlineData("test", "es-ES", "user1", null, "es", "referral.US", "911")]
    [InlineData("test", "en", "user1", null, "en", "referral.US", "741741")]
    public async Task ScreenAsync_CrisisInRegion_RefersToThatRegionsResourcesInTheirLanguage(
        string channel, string locale, string userId, string? clientCountry, string language, string referralKey, string number)
    {
        var sut = new TestConversation(_factory.Services, channel, locale, userId: userId);
        var activity = new Activity { Type = ActivityTypes.Message, Text = language == "es" ? "quiero matarme" : "I want to kill myself" };
        if (clientCountry is not null)
        {
            activity = activity with { Entities = [new Entity { Type = "clientInfo", Properties = new() { ["country"] = JsonSerializer.SerializeToElement(clientCountry) } }] };
        }

        var replies = await sut.SendActivityAsync(activity, Ct);

        Assert.Equal(CrisisTexts(language, referralKey), Texts(replies));
        Assert.Contains(number, replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenAsync_ClinicRegionOnly_UsesClinicRegion()
    {
        await using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Clinic:Region"] = "IE" });
        var sut = new TestConversation(factory.Services, "test", "en");

        var replies = await sut.SendAsync("I want to kill myself", Ct);

        Assert.Equal(Messages.Get("referral.IE", "en"), replies[1].Text);
    }

    [Fact]
    public async Task ScreenAsync_SafetyPlanOnFile_ShowsPlanBeforeClinicContact()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        await _factory.Services.GetRequiredService<ISafetyPlanStore>().SetAsync("test", userId, new SafetyPlan("Call my sister Ana. Walk the dog. Breathe.", DateTimeOffset.UnixEpoch), Ct);
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: userId);

        var replies = await sut.SendAsync("I want to kill myself", Ct);

        Assert.Equal(Messages.Get("crisis.safetyplan", "en", ("plan", "Call my sister Ana. Walk the dog. Breathe.")), replies[2].Text);
        Assert.Equal(4, replies.Count);
    }

    [Fact]
    public async Task ScreenAsync_DistressOnlyMessage_AsksRiskSignalAndActsOnRaise()
    {
        var signal = new RaisingSignal();
        await using var factory = new BotApplicationFactory(null, services => services.AddSingleton<IRiskSignal>(signal));
        var sut = new TestConversation(factory.Services, "test", "en-US");

        await sut.SendAsync("hello there", Ct);
        var replies = await sut.SendAsync("I feel so lonely", Ct);

        Assert.Equal(["I feel so lonely"], signal.Asked);
        Assert.Equal([Messages.Get("screening.ask", "en")], Texts(replies));
    }

    [Fact]
    public async Task ProcessActivityAsync_GateBypassed_TurnFailsAndNoDialogReplyIsSent()
    {
        var logs = new CollectingLoggerProvider();
        await using var factory = new BotApplicationFactory(null, services =>
        {
            services.AddSingleton<ISafetyGate, BypassingGate>();
            services.AddSingleton<ILoggerProvider>(logs);
        });
        var sender = new TestConversation(factory.Services, "test", "en-US");
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = "menu", Id = "a1", ChannelId = "test", Conversation = sender.Conversation,
            From = sender.User, Recipient = sender.Bot, Locale = "en-US", ServiceUrl = "https://test.invalid/",
        };

        var result = await factory.Services.GetRequiredService<BotAdapter>().ProcessActivityAsync(activity, sender, Ct);

        Assert.True(result.Failed);
        Assert.Equal([Messages.Get("error.turn", "en")], Texts(result.Replies));
        Assert.Contains(logs.Entries, e => e.Exception is InvalidOperationException { Message: var m } && m.Contains("safety gate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ActivityTypes.Message)]
    [InlineData(ActivityTypes.MessageUpdate)]
    public async Task ProcessActivityAsync_GateThrowsOnCrisisMessage_ErrorReplyStillCarriesTheReferral(string type)
    {
        await using var factory = new BotApplicationFactory(null, services => services.AddSingleton<ISafetyGate, ThrowingGate>());
        var sender = new TestConversation(factory.Services, "test", "en-US");

        var replies = Texts(await sender.SendActivityAsync(new Activity { Type = type, Text = "I want to kill myself" }, Ct));

        Assert.Equal(Messages.Get("crisis.referral", "en"), replies[0]);
        Assert.Contains(replies, r => r.Contains("988", StringComparison.Ordinal));
        Assert.Equal(Messages.Get("error.turn", "en"), replies[^1]);
    }

    [Fact]
    public async Task ProcessActivityAsync_GateThrowsOnCalmMessage_OnlyTheApology()
    {
        await using var factory = new BotApplicationFactory(null, services => services.AddSingleton<ISafetyGate, ThrowingGate>());
        var sender = new TestConversation(factory.Services, "test", "en-US");

        var replies = Texts(await sender.SendAsync("hello", Ct));

        Assert.Equal([Messages.Get("error.turn", "en")], replies);
    }

    [Theory]
    [InlineData(ActivityTypes.Message)]
    [InlineData(ActivityTypes.MessageUpdate)]
    public async Task ProcessActivityAsync_HandlerRepliesWithoutGate_Throws(string type)
    {
        // The gate is a turn middleware: a gate that lets the message through without a verdict is a handler running
        // without it.
        await using var factory = new BotApplicationFactory(null, services =>
        {
            services.AddSingleton<ISafetyGate, BypassingGate>();
            services.AddSingleton<ITurnHandler, UngatedHandler>();
        });
        var sender = new TestConversation(factory.Services, "test", "en-US");

        var replies = await sender.SendActivityAsync(new Activity { Type = type, Text = "hello" }, Ct);

        Assert.DoesNotContain(replies, r => r.Text == UngatedHandler.Reply);
    }

    private static string[] Texts(IReadOnlyList<Activity> replies) => [.. replies.Select(r => r.Text ?? string.Empty)];

    private static string[] CrisisTexts(string locale, string referralKey) =>
        [Messages.Get("crisis.referral", locale), Messages.Get(referralKey, locale), Messages.Get("crisis.clinic.tell", locale, ("clinicContact", Messages.Get("clinic.contact.unset", locale)))];

    private async Task<TestConversation> InPracticeAsync()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", Ct);
        await sut.SendAsync("Self-Compassion Break", Ct);
        var atStep = await sut.SendAsync("5", Ct);
        Assert.StartsWith("Bring to mind something", atStep[^1].Text, StringComparison.Ordinal);
        return sut;
    }

    private Task<IReadOnlyList<CrisisEvent>> Events(TestConversation conversation) =>
        _factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync(conversation.ChannelId, conversation.Conversation.Id!, Ct);

    private sealed class RaisingSignal : IRiskSignal
    {
        public List<string> Asked { get; } = [];

        public Task<RiskLevel> RaiseAsync(string text, string? locale, SafetyAssessment local, CancellationToken cancellationToken)
        {
            Asked.Add(text);
            return Task.FromResult(RiskLevel.Concern);
        }
    }

    private sealed class ThrowingGate : ISafetyGate
    {
        public Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken) => throw new InvalidOperationException("gate down");

        public Task<bool> ScreenEditAsync(BotTurn turn, CancellationToken cancellationToken) => throw new InvalidOperationException("gate down");

        public Task<bool> RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken) => throw new InvalidOperationException("gate down");
    }

    private sealed class BypassingGate : ISafetyGate
    {
        public Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> ScreenEditAsync(BotTurn turn, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed class UngatedHandler : ITurnHandler
    {
        public const string Reply = "a reply nobody screened";

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(Activity.CreateMessage(Reply), cancellationToken);
    }
}
