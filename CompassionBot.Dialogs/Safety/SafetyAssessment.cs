using CompassionBot.Dialogs.Safety.Model;

namespace CompassionBot.Dialogs.Safety;

/// <summary>The safety screen's verdict on one message.</summary>
/// <param name="Level">The risk level.</param>
/// <param name="Rules">Ids of the rules that fired (for the audit record and clinicians), never message text.</param>
public sealed record SafetyAssessment(RiskLevel Level, IReadOnlyList<string> Rules)
{
    /// <summary>The verdict for a message with nothing of concern.</summary>
    public static SafetyAssessment Safe { get; } = new(RiskLevel.None, []);

    /// <summary>The semantic layer's scores, when it ran on this message; null when the rules had already decided, the
    /// message was a routine reply (a number, an option, a keyword), or the layer is off or failed.</summary>
    public ModelScores? Model { get; init; }

    /// <summary>What set <see cref="Level"/>.</summary>
    public ScreeningSource Source { get; init; }
}
