using System.Text.Json;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>The kinds of clinician alert (the payload's <c>kind</c>) and the names of outcomes in alerts.</summary>
internal static class CrisisAlertKinds
{
    /// <summary>A crisis or concern event's own alert; its key is the event id.</summary>
    public const string Event = "event";

    /// <summary>An outcome recorded for an event after it was raised; its key is <see cref="OutcomeAlertId"/>.</summary>
    public const string Outcome = "outcome";

    /// <summary>Whether <paramref name="kind"/> is a notification kind (such as <c>unanswered-checkins</c>), not about an event.</summary>
    public static bool IsNotification(string kind) => kind is not (Event or Outcome);

    /// <summary>The key of the alert reporting <paramref name="outcome"/> for <paramref name="eventId"/>.</summary>
    public static string OutcomeAlertId(string eventId, CrisisOutcome outcome) => $"{eventId}:outcome:{Name(outcome)}";

    /// <summary>The outcome as alerts name it: <c>line-given</c>, <c>person-said-false-alarm</c>, ….</summary>
    public static string Name(CrisisOutcome outcome) => JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.ToString());
}
