using System.Globalization;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Safety;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompassionBot.Tests.Safety;

/// <summary>The optional Azure AI Content Safety signal, against a loopback fake of the REST API, alone and in the real pipeline.</summary>
public sealed class ContentSafetyRiskSignalTests
{
    private const string Lonely = "I feel so lonely";
    private const string Calm = "the dishes are done and the kids are asleep";
    private static readonly SafetyAssessment Borderline = new(RiskLevel.None, ["mood"]);
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RaiseAsync_BorderlineMessage_SendsKeyCategoriesAndText()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 0, violence: 0, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));
        var sut = Signal(services);

        await sut.RaiseAsync("I feel so empty", "en", Borderline, Ct);

        using var body = JsonDocument.Parse(fake.LastBody!);
        Assert.Equal("test-key", fake.LastKey);
        Assert.Equal("I feel so empty", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(["SelfHarm", "Violence"], body.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("FourSeverityLevels", body.RootElement.GetProperty("outputType").GetString());
    }

    [Theory]
    [InlineData(4, 0, RiskLevel.Crisis)]
    [InlineData(6, 6, RiskLevel.Crisis)]
    [InlineData(2, 0, RiskLevel.Concern)]
    [InlineData(0, 4, RiskLevel.Concern)]
    [InlineData(0, 6, RiskLevel.Concern)]
    [InlineData(0, 2, RiskLevel.None)]
    [InlineData(0, 0, RiskLevel.None)]
    public async Task RaiseAsync_Severities_RaiseBorderlineByDefaultThresholds(int selfHarm, int violence, RiskLevel expected)
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm, violence, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));

        var level = await Signal(services).RaiseAsync("I can't go on like this", "en", Borderline, Ct);

        Assert.Equal(expected, level);
    }

    [Fact]
    public async Task RaiseAsync_OnlyTheModelFindsItBorderline_IsSent()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 4, violence: 0, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));
        var local = SafetyAssessment.Safe with { Model = new ModelScores(0.4f, 0.5f, 0.1f) };

        var level = await Signal(services).RaiseAsync("nothing matters", "en", local, Ct);

        Assert.Equal(RiskLevel.Crisis, level);
        Assert.Equal(1, fake.Requests);
    }

    [Theory]
    [InlineData(RiskLevel.Crisis)]
    [InlineData(RiskLevel.Concern)]
    public async Task RaiseAsync_AlreadyFlagged_NeverLowersAndDoesNotCall(RiskLevel local)
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 0, violence: 0, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));

        var level = await Signal(services).RaiseAsync("text", "en", new SafetyAssessment(local, ["x"]), Ct);

        Assert.Equal(local, level);
        Assert.Equal(0, fake.Requests);
    }

    [Fact]
    public async Task RaiseAsync_CalmMessage_IsNotSentToTheCloud()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 6, violence: 6, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));
        var calm = SafetyAssessment.Safe with { Model = new ModelScores(0.9f, 0.08f, 0.02f) };

        var level = await Signal(services).RaiseAsync("ok", "en", calm, Ct);

        Assert.Equal(RiskLevel.None, level);
        Assert.Equal(0, fake.Requests);
    }

    [Fact]
    public async Task RaiseAsync_TextOverTheServiceLimit_IsCutWithoutSplittingACharacter()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 0, violence: 0, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5));
        var text = new string('a', ContentSafetyRequest.MaxTextLength - 1) + "\U0001F622" + "and more";

        await Signal(services).RaiseAsync(text, "en", Borderline, Ct);

        using var body = JsonDocument.Parse(fake.LastBody!);
        Assert.Equal(text[..(ContentSafetyRequest.MaxTextLength + 1)], body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task RaiseAsync_ServerError_RetriesThenLocalLevelStandsAndTheFaultIsLoggedWithoutText()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(FakeContentSafetyServer.Behaviour.ServerError, Ct);
        var logs = new CollectingLoggerProvider();
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5), logs);

        var level = await Signal(services).RaiseAsync("I feel empty", "en", Borderline, Ct);

        Assert.Equal(RiskLevel.None, level);
        Assert.Equal(3, fake.Requests);
        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 2111);
        Assert.Contains(nameof(HttpRequestException), logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("I feel empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RaiseAsync_SlowService_TimesOutAndLocalLevelStands()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(FakeContentSafetyServer.Behaviour.Hang, Ct);
        var logs = new CollectingLoggerProvider();

        // A short real timeout keeps the test fast; the production default is 2 s.
        await using var services = Services(fake.Endpoint, TimeSpan.FromMilliseconds(200), logs);

        var level = await Signal(services).RaiseAsync("I feel empty", "en", Borderline, Ct);

        Assert.Equal(RiskLevel.None, level);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 2111 && e.Message.Contains("TimeoutRejectedException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RaiseAsync_MalformedJson_LocalLevelStands()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(FakeContentSafetyServer.Behaviour.Malformed, Ct);
        var logs = new CollectingLoggerProvider();
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(5), logs);

        var level = await Signal(services).RaiseAsync("I feel empty", "en", Borderline, Ct);

        Assert.Equal(RiskLevel.None, level);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 2111 && e.Message.Contains(nameof(JsonException), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RaiseAsync_CallerCancels_Throws()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(FakeContentSafetyServer.Behaviour.Hang, Ct);
        await using var services = Services(fake.Endpoint, TimeSpan.FromSeconds(30));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sut = Signal(services);

        var raise = sut.RaiseAsync("I feel empty", "en", Borderline, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => raise);
    }

    [Fact]
    public void AddCrisisDetection_NotConfigured_HasNoContentSafetySignal()
    {
        using var services = Services(endpoint: null, TimeSpan.FromSeconds(2));

        Assert.DoesNotContain(services.GetServices<IRiskSignal>(), s => s is ContentSafetyRiskSignal);
    }

    [Fact]
    public void AddCrisisDetection_SeverityOutOfRange_FailsValidation()
    {
        using var services = Services(endpoint: null, TimeSpan.FromSeconds(2), extra: new() { [$"{ContentSafetyOptions.SectionName}:SelfHarmCrisisSeverity"] = "8" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ContentSafetyOptions>>().Value);
    }

    [Fact]
    public async Task Pipeline_SelfHarmOnABorderlineMessage_SendsTheCrisisReferralAndRecordsTheSignal()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 4, violence: 0, Ct);
        await using var factory = new BotApplicationFactory(Settings(fake.Endpoint));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(Lonely, Ct);

        Assert.Equal(Messages.Get("crisis.referral", "en"), replies[0].Text);
        var recorded = Assert.Single(await factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("test", sut.Conversation.Id!, Ct));
        Assert.Contains(CrisisScreen.RiskSignalRule, recorded.Rules);
        Assert.Equal(1, fake.Requests);
    }

    [Fact]
    public async Task Pipeline_LowSelfHarmOnABorderlineMessage_AsksTheScreeningQuestion()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 2, violence: 0, Ct);
        await using var factory = new BotApplicationFactory(Settings(fake.Endpoint));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(Lonely, Ct);

        Assert.Equal([Messages.Get("screening.ask", "en")], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task Pipeline_CalmMessage_IsNeverSent()
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(selfHarm: 6, violence: 6, Ct);
        await using var factory = new BotApplicationFactory(Settings(fake.Endpoint));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(Calm, Ct);

        Assert.NotEmpty(replies);
        Assert.Equal(0, fake.Requests);
    }

    [Fact]
    public Task Pipeline_ServerError_TurnStillAnswersWithoutRaising() => AssertTurnAnswersDespiteAsync(FakeContentSafetyServer.Behaviour.ServerError);

    [Fact]
    public Task Pipeline_MalformedJson_TurnStillAnswersWithoutRaising() => AssertTurnAnswersDespiteAsync(FakeContentSafetyServer.Behaviour.Malformed);

    [Fact]
    public Task Pipeline_Hang_TurnStillAnswersWithoutRaising() => AssertTurnAnswersDespiteAsync(FakeContentSafetyServer.Behaviour.Hang);

    private static async Task AssertTurnAnswersDespiteAsync(FakeContentSafetyServer.Behaviour fault)
    {
        await using var fake = await FakeContentSafetyServer.StartAsync(fault, Ct);

        // A short real timeout keeps the hang fast; the production default is 2 s.
        await using var factory = new BotApplicationFactory(Settings(fake.Endpoint, TimeSpan.FromMilliseconds(200)));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(Lonely, Ct);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Text == Messages.Get("crisis.referral", "en") || r.Text == Messages.Get("screening.ask", "en"));
        Assert.True(fake.Requests >= 1);
    }

    private static ContentSafetyRiskSignal Signal(ServiceProvider services) =>
        Assert.Single(services.GetServices<IRiskSignal>().OfType<ContentSafetyRiskSignal>());

    private static Dictionary<string, string?> Settings(Uri endpoint, TimeSpan? timeout = null) => new()
    {
        [$"{ContentSafetyOptions.SectionName}:Endpoint"] = endpoint.ToString(),
        [$"{ContentSafetyOptions.SectionName}:Key"] = "test-key",
        [$"{ContentSafetyOptions.SectionName}:Timeout"] = (timeout ?? TimeSpan.FromSeconds(5)).ToString("c", CultureInfo.InvariantCulture),
    };

    private static ServiceProvider Services(Uri? endpoint, TimeSpan timeout, CollectingLoggerProvider? logs = null, Dictionary<string, string?>? extra = null)
    {
        var settings = endpoint is null ? [] : Settings(endpoint, timeout);
        settings[$"{ContentOptions.SectionName}:RootPath"] = SafetyContent.ContentRoot;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddCrisisDetection();
        return services.BuildServiceProvider();
    }
}
