namespace CompassionBot.Dialogs.Safety;

/// <summary>The safety policy's decision for one message (see <see cref="SafetyPolicy"/>).</summary>
/// <param name="Action">What the message gets.</param>
/// <param name="Assessment">The verdict to record for the turn (the screen's, raised by a "yes" to the screening question).</param>
/// <param name="Next">The conversation's safety state after this turn.</param>
/// <param name="Urgency">For referrals and reminders: how urgent.</param>
/// <param name="Outcome">What to record on the open crisis event, when this message closes it.</param>
public sealed record SafetyDecision(SafetyAction Action, SafetyAssessment Assessment, SafetyConversationState Next, CrisisUrgency Urgency = CrisisUrgency.Standard, CrisisOutcome? Outcome = null)
{
    /// <summary>Whether the safety response is the whole turn (no interruption or dialog runs after it).</summary>
    public bool HandlesTurn => Action is not (SafetyAction.Continue or SafetyAction.Ignore);
}
