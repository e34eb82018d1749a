namespace CompassionBot.Safety.Alerts;

/// <summary>The JSON body POSTed to <c>Safety:AlertWebhookUrl</c>. No message text, no names, no phone numbers.</summary>
/// <param name="EventId">The crisis event id (equal to the <c>Idempotency-Key</c> header).</param>
/// <param name="OccurredAt">When the crisis turn ran (ISO 8601, UTC).</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Level">Lower-case level (<c>crisis</c>).</param>
/// <param name="Rules">The rules that fired.</param>
/// <param name="Clinic">The clinic's name (<c>Clinic:Name</c>).</param>
internal sealed record CrisisAlertPayload(
    string EventId,
    DateTimeOffset OccurredAt,
    string ChannelId,
    string ConversationId,
    string Level,
    IReadOnlyList<string> Rules,
    string Clinic);
