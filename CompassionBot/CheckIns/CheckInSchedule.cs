using System.Globalization;

namespace CompassionBot.CheckIns;

/// <summary>When check-ins are due, in the recipient's local time: some weekdays at one time of day.</summary>
/// <param name="Days">The weekdays (at least one).</param>
/// <param name="Time">Local time of day.</param>
public sealed record CheckInSchedule(IReadOnlySet<DayOfWeek> Days, TimeOnly Time)
{
    private static readonly string[] Abbreviations = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>Days as stored: <c>Mon,Wed,Fri</c> (week order from Monday).</summary>
    public string DaysText => string.Join(',', Days.OrderBy(d => ((int)d + 6) % 7).Select(d => Abbreviations[(int)d]));

    /// <summary>Time as stored: <c>HH:mm</c>.</summary>
    public string TimeText => Time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>Mon,Wed,Fri</c> (or full English names) and <c>18:00</c>; null when either is malformed.</summary>
    public static CheckInSchedule? Parse(IEnumerable<string>? days, string? time)
    {
        if (days is null || !TimeOnly.TryParseExact(time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }

        var set = new HashSet<DayOfWeek>();
        foreach (var day in days)
        {
            var index = Array.FindIndex(Abbreviations, a => day.Trim().StartsWith(a, StringComparison.OrdinalIgnoreCase));
            if (index < 0 || day.Trim().Length < 3)
            {
                return null;
            }

            set.Add((DayOfWeek)index);
        }

        return set.Count == 0 ? null : new CheckInSchedule(set, at);
    }
}
