using CompassionBot.Dialogs.Bot;

namespace CompassionBot.Dialogs.Safety;

/// <summary>Carries out the crisis part of the safety policy in a turn: the referral, its audit record and clinician
/// alert, and what happened next.</summary>
public interface ICrisisResponder
{
    /// <summary>Sends the referral (<see cref="SafetyTexts.Referral"/>, or <see cref="SafetyTexts.ReferralAgain"/> when
    /// <paramref name="again"/>) and records the event, which queues the clinician alert.</summary>
    /// <returns>The recorded event's id, or null when it could not be recorded (the referral was still sent).</returns>
    Task<string?> ReferAsync(BotTurn turn, SafetyAssessment assessment, CrisisUrgency urgency, bool again, CancellationToken cancellationToken);

    /// <summary>Records a concern event (distress that counts without crisis words, such as a high distress rating), which
    /// queues a concern alert to the clinician; sends nothing. A storage fault is logged, never thrown.</summary>
    /// <returns>The recorded event's id, or null when it could not be recorded.</returns>
    Task<string?> RaiseConcernAsync(BotTurn turn, string rule, CancellationToken cancellationToken);

    /// <summary>Records what happened after the event <paramref name="eventId"/>; a storage fault is logged, never thrown.</summary>
    Task RecordOutcomeAsync(BotTurn turn, string eventId, CrisisOutcome outcome, CancellationToken cancellationToken);
}
