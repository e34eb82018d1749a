using System.Text.Json.Serialization;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// The JSON body POSTed to <c>Safety:AlertWebhookUrl</c>, one shape for every alert; a field that does not apply is null.
/// No names, no phone numbers, and no message text unless the clinic records it (<c>Safety:RecordMessageText</c>).
/// </summary>
/// <param name="AlertId">This alert's key, equal to the <c>Idempotency-Key</c> header: the event id for an event's own alert,
/// <c>{eventId}:outcome:{outcome}</c> for an outcome, the notification's id.</param>
/// <param name="Kind"><c>event</c> (a crisis or concern), <c>outcome</c> (what happened after an event already alerted), or a
/// notification kind (<c>unanswered-checkins</c>).</param>
/// <param name="EventId">The crisis event id (equal to <c>Idempotency-Key</c> for the event's own alert); null for a notification.</param>
/// <param name="OccurredAt">When the crisis turn ran or the notification was raised (ISO 8601, UTC).</param>
/// <param name="ChannelId">The channel (<c>twilio-sms</c>, <c>directline</c>, <c>msteams</c>, …).</param>
/// <param name="ConversationId">The conversation; null for a notification.</param>
/// <param name="Level">Lower-case level: <c>crisis</c> or <c>concern</c>; <c>info</c> for a notification.</param>
/// <param name="Rules">The rules that fired (empty for a notification).</param>
/// <param name="Clinic">The clinic's name (<c>Clinic:Name</c>).</param>
/// <param name="EnrolmentId">The client's enrolment, where the conversation is linked to one; else null.</param>
/// <param name="Clinician">The enrolment's clinician (the enrolling API key's name); else null.</param>
/// <param name="Outcome">What happened next: <c>line-given</c>, <c>person-said-safe</c>, <c>person-reached-help</c>,
/// <c>person-said-false-alarm</c>, <c>clinician-closed</c> or <c>not-reached</c>; null for a notification.</param>
/// <param name="OutcomeAt">When that outcome was recorded; null while it is the referral itself.</param>
internal sealed record CrisisAlertPayload(
    string AlertId,
    string Kind,
    string? EventId,
    DateTimeOffset OccurredAt,
    string ChannelId,
    string? ConversationId,
    string Level,
    IReadOnlyList<string> Rules,
    string Clinic,
    string? EnrolmentId,
    string? Clinician,
    string? Outcome,
    DateTimeOffset? OutcomeAt)
{
    /// <summary>The level a notification is sent with.</summary>
    public const string InfoLevel = "info";

    /// <summary>The message, only when the clinic records it; the field is left out otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MessageText { get; init; }

    /// <summary>The payload for <paramref name="alert"/>.</summary>
    public static CrisisAlertPayload From(CrisisAlert alert, string clinic)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var notification = alert.IsNotification;
        return new CrisisAlertPayload(
            alert.AlertId,
            alert.Kind,
            notification ? null : alert.EventId,
            alert.OccurredAt,
            alert.ChannelId,
            notification ? null : alert.ConversationId,
            notification ? InfoLevel : alert.Level.ToString().ToLowerInvariant(),
            alert.Rules,
            clinic,
            alert.EnrolmentId,
            alert.Clinician,
            notification ? null : CrisisAlertKinds.Name(alert.Outcome),
            notification ? null : alert.OutcomeAt)
        {
            MessageText = alert.MessageText,
        };
    }
}
