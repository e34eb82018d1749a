namespace CompassionBot.Clinicians.Clients;

/// <summary>An alert in a clinician's inbox (beside the webhook, which keeps getting every alert).</summary>
/// <param name="Id">The crisis event id, or the notification's id.</param>
/// <param name="Clinician">Whose inbox.</param>
/// <param name="ClientId">The client concerned.</param>
/// <param name="Kind"><see cref="Crisis"/>, <see cref="Concern"/> or <c>unanswered-checkins</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ClinicianAlert(string Id, string Clinician, string ClientId, string Kind, DateTimeOffset OccurredAt)
{
    /// <summary>Crisis language; the client got the referral.</summary>
    public const string Crisis = "crisis";

    /// <summary>Concern language, or distress that rose during a practice.</summary>
    public const string Concern = "concern";
}
