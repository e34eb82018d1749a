using System.Diagnostics;

namespace CompassionBot.Dialogs.Telemetry;

/// <summary>
/// The names under which the bot reports traces and metrics. Tags carry channel, activity type, risk level and
/// outcomes only: never message text, names, phone numbers or ids that could identify a person.
/// </summary>
public static class BotTelemetry
{
    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/> and of the meter (<c>CompassionBot</c>).</summary>
    public const string Name = "CompassionBot";

    /// <summary>Span name of one turn.</summary>
    public const string TurnSpanName = "compassionbot.turn";

    /// <summary>The source of the bot's own spans (one per turn, nested in the channel's request span).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);
}
