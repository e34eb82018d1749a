using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CompassionBot.Clinicians.Console;

/// <summary>How the console writes times and names channels.</summary>
internal static class ConsoleFormat
{
    /// <summary>A time for people: <c>2026-03-02 17:05 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A date for people: <c>2026-03-02</c>.</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time for machines (the <c>datetime</c> of a <c>time</c> element).</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A channel's name (<c>msteams</c> → Teams); an unknown channel id as it is.</summary>
    public static string Channel(IStringLocalizer text, string channelId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text["channel." + channelId];
        return name.ResourceNotFound ? channelId : name.Value;
    }
}
