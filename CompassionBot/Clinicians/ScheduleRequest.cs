namespace CompassionBot.Clinicians;

/// <summary>A check-in schedule: <c>["Mon","Wed","Fri"]</c> at <c>"18:00"</c> local time.</summary>
/// <param name="Days">Weekdays.</param>
/// <param name="Time">Local time, <c>HH:mm</c>, between 08:00 and 21:00.</param>
public sealed record ScheduleRequest(IReadOnlyList<string>? Days, string? Time);
