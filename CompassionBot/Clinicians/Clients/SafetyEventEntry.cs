namespace CompassionBot.Clinicians.Clients;

/// <summary>A crisis or concern event of a linked client, and what happened next.</summary>
/// <param name="EventId">The crisis event.</param>
/// <param name="Level"><c>crisis</c> or <c>concern</c>.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Outcome">What happened next (<c>line-given</c>, <c>person-said-safe</c>, <c>clinician-closed</c>, …).</param>
/// <param name="OutcomeAt">When the outcome was recorded (null while it is the referral itself).</param>
/// <param name="MessageText">The message, only when <c>Safety:RecordMessageText</c> was on.</param>
public sealed record SafetyEventEntry(string EventId, string Level, DateTimeOffset OccurredAt, string? Outcome, DateTimeOffset? OutcomeAt, string? MessageText);
