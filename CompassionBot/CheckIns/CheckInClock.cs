namespace CompassionBot.CheckIns;

/// <summary>
/// Check-in times in the recipient's time zone: local slot times to UTC across DST changes, and the 08:00–21:00
/// local window (a due time outside it moves to the next 08:00).
/// </summary>
public static class CheckInClock
{
    /// <summary>
    /// The instant <paramref name="date"/> at <paramref name="time"/> in <paramref name="zone"/>. A local time skipped
    /// by a spring-forward change moves forward by the gap; a repeated one (fall back) is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var after = zone.GetUtcOffset(local.AddHours(3));
            local = local.Add(after - before);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary><paramref name="instant"/>, or the next local 08:00 when it falls outside 08:00–21:00 local time.</summary>
    public static DateTimeOffset WithinWindow(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time < CheckInOptions.WindowStart)
        {
            return ToInstant(date, CheckInOptions.WindowStart, zone);
        }

        return time >= CheckInOptions.WindowEnd ? ToInstant(date.AddDays(1), CheckInOptions.WindowStart, zone) : instant;
    }

    /// <summary>Whether <paramref name="instant"/> is inside 08:00–21:00 local time.</summary>
    public static bool IsWithinWindow(DateTimeOffset instant, TimeZoneInfo zone) => WithinWindow(instant, zone) == instant;

    /// <summary>
    /// The latest slot of <paramref name="enrolment"/> whose (window-adjusted) due time is at or before
    /// <paramref name="now"/> and no older than <paramref name="maxLateness"/>; slots before enrolment never count.
    /// </summary>
    /// <returns>The slot (scheduled instant) and its due instant, or null.</returns>
    public static (DateTimeOffset Slot, DateTimeOffset Due)? LatestDueSlot(CheckInEnrolment enrolment, TimeZoneInfo zone, DateTimeOffset now, TimeSpan maxLateness)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var date = today; date >= today.AddDays(-8); date = date.AddDays(-1))
        {
            if (!enrolment.Schedule.Days.Contains(date.DayOfWeek) || date < enrolment.StartDate || (enrolment.EndDate is { } end && date > end))
            {
                continue;
            }

            var slot = ToInstant(date, enrolment.Schedule.Time, zone);
            var due = WithinWindow(slot, zone);
            if (due > now)
            {
                continue;
            }

            return slot < enrolment.CreatedAt || now - due > maxLateness ? null : (slot, due);
        }

        return null;
    }
}
