using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// A queued clinician alert, as read from the outbox: a crisis or concern event's own alert, an outcome recorded for that
/// event afterwards, or a notification that is no crisis event (<see cref="Kind"/> says which).
/// </summary>
/// <param name="EventId">The crisis event's id; empty for a notification.</param>
/// <param name="OccurredAt">When the crisis turn ran, or when the notification was raised.</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="ConversationId">The conversation; empty for a notification.</param>
/// <param name="Level">The assessed level; <see cref="RiskLevel.None"/> for a notification.</param>
/// <param name="Rules">The rules that fired.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="Claim">
/// The token of the claim that leased this alert to this instance; only that claim may mark it delivered or failed.
/// </param>
internal sealed record CrisisAlert(
    string EventId,
    DateTimeOffset OccurredAt,
    string ChannelId,
    string ConversationId,
    RiskLevel Level,
    IReadOnlyList<string> Rules,
    int Attempts,
    string Claim)
{
    private readonly string? _alertId;

    /// <summary>
    /// The alert's own key, sent as <c>Idempotency-Key</c> with every delivery attempt: <see cref="EventId"/> for an
    /// event's own alert (the default), <c>{event id}:outcome:{outcome}</c> for an outcome, the notification's id.
    /// </summary>
    public string AlertId
    {
        get => _alertId ?? EventId;
        init => _alertId = value;
    }

    /// <summary><see cref="CrisisAlertKinds.Event"/> (the default), <see cref="CrisisAlertKinds.Outcome"/>, or a notification kind.</summary>
    public string Kind { get; init; } = CrisisAlertKinds.Event;

    /// <summary>What happened next: the event's outcome when the alert was read, or the outcome an outcome alert reports.</summary>
    public CrisisOutcome Outcome { get; init; }

    /// <summary>When <see cref="Outcome"/> was recorded; null while it is the referral itself.</summary>
    public DateTimeOffset? OutcomeAt { get; init; }

    /// <summary>The client's enrolment, where one is linked.</summary>
    public string? EnrolmentId { get; init; }

    /// <summary>The clinician of <see cref="EnrolmentId"/>.</summary>
    public string? Clinician { get; init; }

    /// <summary>The message, only where the clinic records it (<c>Safety:RecordMessageText</c>).</summary>
    public string? MessageText { get; init; }

    /// <summary>Whether this alert is a notification rather than about a crisis event.</summary>
    public bool IsNotification => CrisisAlertKinds.IsNotification(Kind);
}
