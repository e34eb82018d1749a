using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Bot;

/// <summary>
/// Picks the language to answer in: a language the person chose explicitly ("español") wins, then the activity's
/// <c>locale</c>, then the configured default. (An explicit choice must survive clients that send their UI locale
/// on every message.)
/// </summary>
public static class ConversationLocale
{
    /// <summary>The language for this turn.</summary>
    public static string Resolve(Activity activity, UserProfile profile, string defaultLocale)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(profile);
        return SupportedLocales.Match(profile.Locale)
            ?? SupportedLocales.Match(activity.Locale)
            ?? SupportedLocales.Match(defaultLocale)
            ?? SupportedLocales.English;
    }
}
