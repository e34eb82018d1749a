using System.Globalization;
using CompassionBot.Dialogs.Content;

namespace CompassionBot.CheckIns;

/// <summary>The check-in texts, from <c>Content/channels/{locale}/sms.messages</c>.</summary>
internal static class CheckInTexts
{
    /// <summary>"up to 3 msgs/week" for an enrolment, or "msg frequency varies" without one.</summary>
    public static string Frequency(MessageCatalog messages, string locale, CheckInEnrolment? enrolment) =>
        enrolment is null
            ? messages.Get("sms.frequency.varies", locale)
            : messages.Get("sms.frequency.weekly", locale, ("count", enrolment.Schedule.Days.Count.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A time of day as people write it in <paramref name="locale"/>: 7:00 PM / 19:00.</summary>
    public static string Time(TimeOnly time, string locale) =>
        locale.StartsWith("es", StringComparison.Ordinal)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : time.ToString("h:mm tt", CultureInfo.InvariantCulture);
}
