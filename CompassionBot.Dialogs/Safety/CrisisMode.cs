using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// A conversation in crisis mode: a referral was sent and the person has not yet said they are safe. Every reply offers
/// the line again; no practice or check-in until it ends.
/// </summary>
/// <param name="EventId">The crisis event the referral was recorded as.</param>
/// <param name="Urgency">How urgent the referral was.</param>
/// <param name="JustReferred">True until the next message: only then does "I didn't mean it" resume the practice.</param>
/// <param name="AwaitingSafeAnswer">The bot asked "are you safe right now?"; the next message answers it.</param>
public sealed record CrisisMode(string EventId, CrisisUrgency Urgency, bool JustReferred, bool AwaitingSafeAnswer)
{
    /// <summary>
    /// A clinician closed the event (<see cref="CrisisOutcome.ClinicianClosed"/>): crisis mode ends with this message. Set
    /// by the gate from what the crisis event store says, for the policy to read; never saved.
    /// </summary>
    [JsonIgnore]
    public bool ClosedByClinician { get; init; }
}
