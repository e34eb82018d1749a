using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Safety;

/// <summary>
/// The safety gate as the service registers it, a turn middleware: every message is screened before the bot runs,
/// whichever bot that is.
/// </summary>
public sealed class SafetyGateMiddlewareTests : IAsyncDisposable
{
    private readonly RecordingBot _bot = new();
    private readonly BotApplicationFactory _factory;

    public SafetyGateMiddlewareTests() => _factory = new BotApplicationFactory(null, services => services.AddSingleton<ITurnHandler>(_bot));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task OnTurnAsync_CalmMessage_TheBotRunsWithTheVerdictAlreadySet()
    {
        var sut = new TestConversation(_factory.Services);

        await sut.SendAsync("hello there", Ct);

        Assert.Equal(RiskLevel.None, Assert.Single(_bot.Verdicts)?.Level);
    }

    [Fact]
    public async Task OnTurnAsync_MessageWithoutText_TheBotRunsWithTheSafeVerdict()
    {
        var sut = new TestConversation(_factory.Services);

        await sut.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Value = JsonDocument.Parse("{}").RootElement }, Ct);

        Assert.Same(SafetyAssessment.Safe, Assert.Single(_bot.Verdicts));
    }

    [Fact]
    public async Task OnTurnAsync_CrisisMessage_TheGateRefersAndTheBotNeverRuns()
    {
        var sut = new TestConversation(_factory.Services);

        var replies = await sut.SendAsync("I want to kill myself", Ct);

        Assert.Empty(_bot.Verdicts);
        Assert.Contains(replies, r => r.Text?.Contains("988", StringComparison.Ordinal) == true);
    }

    private sealed class RecordingBot : ITurnHandler
    {
        public List<SafetyAssessment?> Verdicts { get; } = [];

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Verdicts.Add(turnContext.Safety);
            return Task.CompletedTask;
        }
    }
}
