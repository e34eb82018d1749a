namespace CompassionBot.CheckIns;

/// <summary>A client enrolled for between-session check-ins.</summary>
/// <param name="Id">Enrolment id (no personal data).</param>
/// <param name="Phone">The client's number, E.164.</param>
/// <param name="Clinician">Who enrolled the client (API key name); told about unanswered streaks.</param>
/// <param name="TimeZone">The client's IANA time zone.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Schedule">Days and local time.</param>
/// <param name="StartDate">First day (client's calendar).</param>
/// <param name="EndDate">Last day, inclusive; null for open-ended.</param>
/// <param name="Status">Active, paused or ended.</param>
/// <param name="PausedUntil">End of a pause; null while paused means until resumed.</param>
/// <param name="EveryNthSlot">1 normally; 2 after the frequency was lowered (every other slot).</param>
/// <param name="SlotsToSkip">Slots still to skip before the next send.</param>
/// <param name="UnansweredStreak">Check-ins in a row with no reply.</param>
/// <param name="ConfirmedAt">When the enrolment confirmation text went out.</param>
/// <param name="CreatedAt">When enrolled.</param>
public sealed record CheckInEnrolment(
    string Id,
    string Phone,
    string Clinician,
    string TimeZone,
    string Locale,
    CheckInSchedule Schedule,
    DateOnly StartDate,
    DateOnly? EndDate,
    EnrolmentStatus Status,
    DateTimeOffset? PausedUntil,
    int EveryNthSlot,
    int SlotsToSkip,
    int UnansweredStreak,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset CreatedAt);
