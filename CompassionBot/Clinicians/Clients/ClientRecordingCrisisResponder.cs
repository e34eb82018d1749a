using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// The crisis responder, with each crisis or concern event it records also put on the record of a linked client
/// (<see cref="ClientRecorder"/>). The referral itself is <paramref name="inner"/>'s, said first.
/// </summary>
internal sealed class ClientRecordingCrisisResponder(ICrisisResponder inner, ClientRecorder recorder) : ICrisisResponder
{
    public async Task<string?> ReferAsync(BotTurn turn, SafetyAssessment assessment, CrisisUrgency urgency, bool again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(assessment);
        var eventId = await inner.ReferAsync(turn, assessment, urgency, again, cancellationToken).ConfigureAwait(false);
        if (eventId is not null)
        {
            await recorder.OnSafetyEventAsync(turn.Context, eventId, assessment.Level, cancellationToken).ConfigureAwait(false);
        }

        return eventId;
    }

    public async Task<string?> RaiseConcernAsync(BotTurn turn, string rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var eventId = await inner.RaiseConcernAsync(turn, rule, cancellationToken).ConfigureAwait(false);
        if (eventId is not null)
        {
            await recorder.OnSafetyEventAsync(turn.Context, eventId, RiskLevel.Concern, cancellationToken).ConfigureAwait(false);
        }

        return eventId;
    }

    public Task RecordOutcomeAsync(BotTurn turn, string eventId, CrisisOutcome outcome, CancellationToken cancellationToken) =>
        inner.RecordOutcomeAsync(turn, eventId, outcome, cancellationToken);
}
