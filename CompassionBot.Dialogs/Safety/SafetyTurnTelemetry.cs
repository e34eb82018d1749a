using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Adds each turn's safety verdict to its telemetry: the level on the turn's span (<see cref="TelemetryTags.RiskLevel"/>),
/// and a count of the verdicts that needed a response (concern, crisis) when metrics are on.
/// </summary>
public sealed class SafetyTurnTelemetry : ITurnObserver
{
    private readonly BotMetrics? _metrics;

    /// <summary>Creates the observer; verdicts are counted on <paramref name="metrics"/> when given.</summary>
    public SafetyTurnTelemetry(BotMetrics? metrics = null)
    {
        _metrics = metrics;
    }

    /// <summary>The level in lower case, as tags carry it (<c>none</c>, <c>concern</c>, <c>crisis</c>).</summary>
    public static string RiskLevelValue(RiskLevel level) => level switch
    {
        RiskLevel.Crisis => "crisis",
        RiskLevel.Concern => "concern",
        _ => "none",
    };

    /// <inheritdoc />
    public void OnTurnEnded(ITurnContext turnContext, System.Diagnostics.Activity? span)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Safety is not { } safety)
        {
            return;
        }

        var level = RiskLevelValue(safety.Level);
        span?.SetTag(TelemetryTags.RiskLevel, level);
        if (safety.Level > RiskLevel.None)
        {
            _metrics?.RecordCrisisEvent(turnContext.Activity.ChannelId, level);
        }
    }
}
