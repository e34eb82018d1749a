using CompassionBot.CheckIns;

namespace CompassionBot.Clinicians;

/// <summary>An enrolment as the clinician API shows it (the phone number is not echoed back).</summary>
/// <param name="Id">Enrolment id.</param>
/// <param name="Status">
/// What is true now: <c>ended</c> (ended, or past its end date), <c>opted-out</c> (the number texted STOP or the carrier
/// refuses it; START opts back in), <c>paused</c> (until <paramref name="PausedUntil"/>, or until resumed) or <c>active</c>.
/// </param>
/// <param name="ClientId">The client record the enrolment belongs to (null for enrolments made before client records).</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Days">Days of the week.</param>
/// <param name="Time">Local time, <c>HH:mm</c>.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day, if any.</param>
/// <param name="PausedUntil">End of a pause, if any.</param>
public sealed record EnrolmentResponse(
    string Id,
    string Status,
    string? ClientId,
    string TimeZone,
    string Locale,
    IReadOnlyList<string> Days,
    string Time,
    DateOnly StartDate,
    DateOnly? EndDate,
    DateTimeOffset? PausedUntil)
{
    /// <summary>See <see cref="Status"/>.</summary>
    public const string Active = "active";

    /// <summary>See <see cref="Status"/>.</summary>
    public const string Paused = "paused";

    /// <summary>See <see cref="Status"/>.</summary>
    public const string Ended = "ended";

    /// <summary>See <see cref="Status"/>.</summary>
    public const string OptedOut = "opted-out";

    internal static EnrolmentResponse From(CheckInEnrolment enrolment, string? clientId, bool optedOut, DateTimeOffset now) => new(
        enrolment.Id,
        StatusOf(enrolment, optedOut, now),
        clientId,
        enrolment.TimeZone,
        enrolment.Locale,
        enrolment.Schedule.DaysText.Split(','),
        enrolment.Schedule.TimeText,
        enrolment.StartDate,
        enrolment.EndDate,
        enrolment.PausedUntil);

    private static string StatusOf(CheckInEnrolment enrolment, bool optedOut, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(enrolment.TimeZone)).DateTime);
        if (enrolment.Status == EnrolmentStatus.Ended || enrolment.EndDate < today)
        {
            return Ended;
        }

        if (optedOut)
        {
            return OptedOut;
        }

        // A pause whose end has passed is over, although the row says paused until the scheduler's next round.
        return enrolment.Status == EnrolmentStatus.Paused && !(enrolment.PausedUntil <= now) ? Paused : Active;
    }
}
