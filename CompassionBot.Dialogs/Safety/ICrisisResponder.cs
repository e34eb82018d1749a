using CompassionBot.Dialogs.Conversation;

namespace CompassionBot.Dialogs.Safety;

/// <summary>What happens in a crisis turn after the dialogs end: the referral, the audit record, the clinician alert.</summary>
public interface ICrisisResponder
{
    /// <summary>Responds to a crisis assessment in the current turn.</summary>
    Task RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken);
}
