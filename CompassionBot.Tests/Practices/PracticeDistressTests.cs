using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Practices;

/// <summary>Distress that counts, through the real pipeline: high or rising ratings raise a concern for the clinician;
/// prose at a rating prompt is screened and never stored as a number.</summary>
public sealed class PracticeDistressTests : IClassFixture<BotApplicationFactory>
{
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);
    private readonly BotApplicationFactory _factory;

    public PracticeDistressTests(BotApplicationFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("3", "8", PracticeDialog.HighAfterRule)]
    [InlineData("2", "5", PracticeDialog.RiseRule)]
    [InlineData("6", "9", PracticeDialog.HighAfterRule)]
    public async Task RatingAfter_HighOrRisen_RaisesAConcernForTheClinicianAndOffersSoothing(string before, string after, string rule)
    {
        var sut = await ThroughSoothingBreathAsync(before);

        var replies = await sut.SendAsync(after, Ct);

        Assert.StartsWith(Messages.Get("rating.high.after", "en", ("crisisLine", "call or text 988")), replies[0].Text, StringComparison.Ordinal);
        var recorded = Assert.Single(await _factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("test", sut.Conversation.Id!, Ct));
        Assert.Equal((RiskLevel.Concern, rule), (recorded.Level, Assert.Single(recorded.Rules)));
    }

    [Fact]
    public async Task RatingAfter_ALittleWorse_NamesItAsKnownAndAlertsNobody()
    {
        var sut = await ThroughSoothingBreathAsync("4");

        var replies = await sut.SendAsync("6", Ct);

        Assert.Equal(Messages.Get("worse.after", "en"), replies[0].Text);
        Assert.Empty(await _factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("test", sut.Conversation.Id!, Ct));
    }

    [Fact]
    public async Task RatingPrompt_Prose_IsScreenedAndNeverStoredAsANumber()
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", Ct);
        await sut.SendAsync("Self-Compassion Break", Ct);

        var prose = await sut.SendAsync("no one cares", Ct);
        await sut.SendAsync("4", Ct);
        await sut.SendAsync("stop", Ct);

        Assert.DoesNotContain(prose, r => r.Text!.StartsWith("Bring to mind", StringComparison.Ordinal));
        var session = Assert.Single((await ProfileAsync(sut)).GetProperty("history").EnumerateArray());
        Assert.Equal(4, session.GetProperty("distressBefore").GetInt32());
    }

    private async Task<TestConversation> ThroughSoothingBreathAsync(string before)
    {
        var sut = new TestConversation(_factory.Services, "test", "en-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await sut.SendAsync("menu", Ct);
        await sut.SendAsync("Soothing Breath", Ct);
        await sut.SendAsync(before, Ct);
        for (var step = 0; step < 4; step++)
        {
            await sut.SendAsync("Next", Ct);
        }

        return sut;
    }

    private async Task<JsonElement> ProfileAsync(TestConversation conversation)
    {
        var key = $"test/users/{conversation.User.Id}";
        var items = await _factory.Services.GetRequiredService<IStorage>().ReadAsync([key], Ct);
        using var document = JsonDocument.Parse(items[key].Json);
        return document.RootElement.GetProperty("Profile").Clone();
    }
}
