using System.Globalization;
using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.CheckIns;

/// <summary>
/// Recognises "pause for a week" / "pause for 3 days" / "pausa por una semana" and "change my time to 7pm" /
/// "change time to 19:30" / "cambia mi hora a las 7 pm" (English and Spanish).
/// </summary>
public static partial class ScheduleCommandRecognizer
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["una"] = 1, ["un"] = 1, ["uno"] = 1, ["dos"] = 2, ["tres"] = 3,
    };

    /// <summary>The command in <paramref name="text"/>, or null.</summary>
    public static ScheduleCommand? Recognize(string? text)
    {
        var folded = InputText.Fold(text);
        if (Pause().Match(folded) is { Success: true } pause && Count(pause.Groups["n"].Value) is { } n and > 0)
        {
            var unit = pause.Groups["unit"].Value;
            var days = unit.StartsWith('w') || unit.StartsWith('s') ? n * 7 : n;
            return days <= 90 ? new ScheduleCommand(TimeSpan.FromDays(days), null) : null;
        }

        if (ChangeTime().Match(folded) is { Success: true } change
            && int.TryParse(change.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hour))
        {
            var minute = change.Groups["m"].Success ? int.Parse(change.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = change.Groups["ampm"].Value;
            hour = meridiem switch
            {
                "pm" or "p m" when hour < 12 => hour + 12,
                "am" or "a m" when hour == 12 => 0,
                _ => hour,
            };
            return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new ScheduleCommand(null, new TimeOnly(hour, minute)) : null;
        }

        return null;
    }

    private static int? Count(string value) =>
        Numbers.TryGetValue(value, out var n) ? n : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    // Folded text: "pause for a week", "pause check ins for 2 weeks", "pausa por una semana", "pausar 3 dias".
    [GeneratedRegex(
        @"^(please )?(pause|pausa|pausar)( (my )?(check ins|checkins|texts|mensajes))?( (for|por))? (?<n>\d+|a|an|one|two|three|una|un|uno|dos|tres) (?<unit>weeks?|days?|semanas?|dias?)( please| por favor)?$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pause();

    // Folded text loses ':' so "19:30" arrives as "19 30".
    [GeneratedRegex(
        @"^(please )?(change|move|set|cambia|cambiar|mueve|pon) (my |mi )?(check in |checkin )?(time|hora)( (of|del|de) (the |mi |my )?(check ins?|checkins?))? (to|a)( las| la)? (?<h>\d{1,2})( (?<m>\d{2}))? ?(?<ampm>am|pm|a m|p m)?( please| por favor)?$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ChangeTime();
}
