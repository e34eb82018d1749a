namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The audit record of one crisis turn. Carries ids and rule names only; <see cref="MessageText"/> is null unless the
/// clinic enabled <see cref="SafetyOptions.RecordMessageText"/>.
/// </summary>
/// <param name="Id">Unique, and the same when one turn is retried (it doubles as the clinician alert's idempotency key).</param>
/// <param name="OccurredAt">When the turn ran.</param>
/// <param name="ChannelId">The channel (<c>msteams</c>, <c>directline</c>, <c>sms</c>, …).</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Level">The assessed level.</param>
/// <param name="Rules">Ids of the rules that fired.</param>
/// <param name="Region">The region whose resources were sent (ISO 3166 code).</param>
/// <param name="MessageText">The message, only when the clinic enabled recording it.</param>
public sealed record CrisisEvent(
    string Id,
    DateTimeOffset OccurredAt,
    string ChannelId,
    string ConversationId,
    RiskLevel Level,
    IReadOnlyList<string> Rules,
    string Region,
    string? MessageText)
{
    /// <summary>What happened next (<see cref="CrisisOutcome.LineGiven"/> until the person or a clinician says more).</summary>
    public CrisisOutcome Outcome { get; init; }

    /// <summary>When <see cref="Outcome"/> was recorded, or null while it is the referral itself.</summary>
    public DateTimeOffset? OutcomeAt { get; init; }

    /// <summary>The client's enrolment, where the conversation is linked to one when the event is recorded (the host
    /// fills it in: today an SMS conversation from an enrolled number); null otherwise.</summary>
    public string? EnrolmentId { get; init; }

    /// <summary>The clinician of <see cref="EnrolmentId"/> (the name of the API key that enrolled the client); null without one.</summary>
    public string? Clinician { get; init; }
}
