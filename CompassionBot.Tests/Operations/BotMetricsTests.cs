using System.Diagnostics.Metrics;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Operations;

public sealed class BotMetricsTests
{
    private const string CrisisText = "i just want to kill myself";

    [Fact]
    public async Task RecordTurn_MessageThroughApiMessages_CountsTurnAndRecordsDuration()
    {
        await using var app = new BotApplicationFactory();
        using var http = app.CreateClient();
        using var sut = new MetricsCollector(app.Services.GetRequiredService<IMeterFactory>());
        var person = new MessagesClient(http, "metrics-" + Guid.NewGuid().ToString("N"));

        await person.SayAsync("hello", TestContext.Current.CancellationToken);

        var turn = Assert.Single(sut.Of("compassionbot.turns"));
        Assert.Equal(1, turn.Value);
        Assert.Equal("emulator", turn.Tags[TelemetryTags.Channel]);
        Assert.Equal("message", turn.Tags[TelemetryTags.ActivityType]);
        Assert.Equal(BotMetrics.Completed, turn.Tags[TelemetryTags.Outcome]);
        var duration = Assert.Single(sut.Of("compassionbot.turn.duration"));
        Assert.InRange(duration.Value, 0, 60);
        Assert.Equal("emulator", duration.Tags[TelemetryTags.Channel]);
        Assert.Empty(sut.Of("compassionbot.crisis.events"));
    }

    [Fact]
    public async Task RecordTurn_CrisisMessage_CountsCrisisEventByLevelAndChannelWithNoTextInAnyTag()
    {
        await using var app = new BotApplicationFactory();
        using var http = app.CreateClient();
        using var sut = new MetricsCollector(app.Services.GetRequiredService<IMeterFactory>());
        var person = new MessagesClient(http, "metrics-" + Guid.NewGuid().ToString("N"));

        await person.SayAsync(CrisisText, TestContext.Current.CancellationToken);

        var crisis = Assert.Single(sut.Of("compassionbot.crisis.events"));
        Assert.Equal("crisis", crisis.Tags[TelemetryTags.RiskLevel]);
        Assert.Equal("emulator", crisis.Tags[TelemetryTags.Channel]);
        Assert.Equal(2, crisis.Tags.Count);
        Assert.All(sut.All.SelectMany(m => m.Tags.Values), value =>
        {
            Assert.DoesNotContain("kill", value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.ConversationId, value ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("msteams", "msteams")]
    [InlineData("sms", "sms")]
    [InlineData("+14155552671", TelemetryTags.Other)]
    [InlineData(null, TelemetryTags.Other)]
    public void ChannelValue_AnyChannelId_IsAKnownChannelOrOther(string? channelId, string expected)
    {
        Assert.Equal(expected, TelemetryTags.ChannelValue(channelId));
    }
}
