using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>A queued clinician alert for one crisis event, as read from the outbox.</summary>
/// <param name="EventId">The crisis event's id; also the idempotency key of every delivery attempt.</param>
/// <param name="OccurredAt">When the crisis turn ran.</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Level">The assessed level.</param>
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
    string Claim);
