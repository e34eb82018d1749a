namespace CompassionBot.Dialogs.Safety;

/// <summary>The safety gate's verdict on one message.</summary>
/// <param name="Level">The risk level.</param>
/// <param name="Rules">Ids of the rules that fired (for the audit record and clinicians), never message text.</param>
public sealed record SafetyAssessment(RiskLevel Level, IReadOnlyList<string> Rules)
{
    /// <summary>The verdict for a message with nothing of concern.</summary>
    public static SafetyAssessment Safe { get; } = new(RiskLevel.None, []);
}
