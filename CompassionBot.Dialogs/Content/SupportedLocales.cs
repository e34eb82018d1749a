namespace CompassionBot.Dialogs.Content;

/// <summary>The languages the content is written in, and mapping of BCP-47 tags onto them.</summary>
public static class SupportedLocales
{
    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>Spanish.</summary>
    public const string Spanish = "es";

    /// <summary>Every supported language, English first.</summary>
    public static IReadOnlyList<string> All { get; } = [English, Spanish];

    /// <summary>The supported language of a BCP-47 tag (<c>es-MX</c> → <c>es</c>), or null when not supported.</summary>
    public static string? Match(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var language = locale.Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.Contains(language) ? language : null;
    }
}
