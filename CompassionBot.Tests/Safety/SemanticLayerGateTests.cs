using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Safety;

/// <summary>What the gate does with the semantic layer's verdicts, through the real pipeline (heads with fixed verdicts).</summary>
public sealed class SemanticLayerGateTests
{
    private const string Calm = "the dishes are done and the kids are asleep";
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScreenAsync_MessageOnlyTheModelFlagsAsConcern_AsksTheScreeningQuestion()
    {
        await using var factory = new BotApplicationFactory(null, services => SyntheticHead.Use(services, RiskLevel.Concern));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(Calm, Ct);

        Assert.Equal([Messages.Get("screening.ask", "en")], Texts(replies));
    }

    [Fact]
    public async Task ScreenAsync_MessageOnlyTheModelFlagsAsCrisis_SendsTheReferralAndRecordsTheEvent()
    {
        await using var factory = new BotApplicationFactory(null, services => SyntheticHead.Use(services, RiskLevel.Crisis));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(Calm, Ct);

        Assert.Equal(Messages.Get("crisis.referral", "en"), replies[0].Text);
        Assert.Contains(replies, r => r.Text!.Contains("988", StringComparison.Ordinal));
        var recorded = Assert.Single(await factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("test", sut.Conversation.Id!, Ct));
        Assert.Equal(RiskLevel.Crisis, recorded.Level);
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("7")]
    [InlineData("Self-Compassion Break")]
    [InlineData("Helpful")]
    public async Task ScreenAsync_RoutineReply_IsNotShownToTheModel(string routine)
    {
        await using var factory = new BotApplicationFactory(null, services => SyntheticHead.Use(services, RiskLevel.Crisis));
        var sut = new TestConversation(factory.Services);

        var replies = await sut.SendAsync(routine, Ct);

        Assert.DoesNotContain(replies, r => r.Text == Messages.Get("crisis.referral", "en"));
    }

    [Fact]
    public async Task ScreenAsync_ModelFails_RulesAloneScreenItIsLoggedCountedAndReadinessIsDegradedUntilItRecovers()
    {
        var encoder = new FailingSentenceEncoder();
        var logs = new CollectingLoggerProvider();
        await using var factory = new BotApplicationFactory(null, services =>
        {
            services.RemoveAll<ISentenceEncoder>();
            services.AddSingleton<ISentenceEncoder>(encoder);
            services.AddSingleton<ILoggerProvider>(logs);
        });
        using var http = factory.CreateClient();
        var sut = new TestConversation(factory.Services);

        var crisis = await sut.SendAsync("I want to kill myself", Ct);
        var calm = await sut.SendAsync(Calm, Ct);
        var degraded = await ReadinessAsync(http);
        encoder.Healed = true;
        await sut.SendAsync("thanks, that helped a bit", Ct);
        var recovered = await ReadinessAsync(http);

        Assert.Equal(Messages.Get("crisis.referral", "en"), crisis[0].Text);
        Assert.DoesNotContain(calm, r => r.Text == Messages.Get("screening.ask", "en"));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 2201);
        Assert.Equal((HttpStatusCode.OK, "degraded"), (degraded.Status, degraded.Screening.GetProperty("status").GetString()));
        Assert.True(degraded.Screening.GetProperty("modelFailures").GetInt64() >= 1);
        Assert.Equal("healthy", recovered.Screening.GetProperty("status").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Screening)> ReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return (response.StatusCode, body.GetProperty("checks").GetProperty("screening").Clone());
    }

    private static string[] Texts(IReadOnlyList<Activity> replies) => [.. replies.Select(r => r.Text ?? string.Empty)];
}
