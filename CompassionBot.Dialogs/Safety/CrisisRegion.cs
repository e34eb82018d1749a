using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Schema;
using PhoneNumbers;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Where the person probably is, for crisis resources (ISO 3166-1 alpha-2, upper case): on SMS the country of the
/// sender's phone number (<c>from.id</c> in E.164); otherwise the <c>clientInfo</c> entity's <c>country</c>; otherwise
/// the region of the activity's locale (<c>es-MX</c> → <c>MX</c>); otherwise the clinic's configured region.
/// </summary>
public static class CrisisRegion
{
    /// <summary>The suffix of the texts used for every region without its own (<c>referral.other</c>).</summary>
    public const string OtherRegion = "other";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The region for <paramref name="activity"/>, falling back to <paramref name="clinicRegion"/>.</summary>
    public static string Resolve(Activity activity, string clinicRegion)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (ChannelKinds.IsSms(activity.ChannelId) ? FromPhoneNumber(activity.From?.Id) : null)
            ?? Normalize(activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.GetString("country"))
            ?? FromLocale(activity.Locale)
            ?? Normalize(clinicRegion)
            ?? "US";
    }

    /// <summary>The country of an E.164 number (<c>+447700900123</c> → <c>GB</c>), or null when it is not one.</summary>
    public static string? FromPhoneNumber(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164) || !e164.TrimStart().StartsWith('+'))
        {
            return null;
        }

        try
        {
            // The exact region when the number is valid (+1 613… → CA); else the country code's main region (+44 → GB),
            // since new number ranges reach people before they reach the metadata.
            var number = Phones.Parse(e164, null);
            return Normalize(Phones.GetRegionCodeForNumber(number)) ?? Normalize(Phones.GetRegionCodeForCountryCode(number.CountryCode));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The region subtag of a BCP-47 tag (<c>en-GB</c> → <c>GB</c>, <c>zh-Hant-TW</c> → <c>TW</c>), or null.</summary>
    public static string? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        foreach (var subtag in locale.Split('-', '_').Skip(1))
        {
            if (subtag.Length == 2 && subtag.All(char.IsAsciiLetter))
            {
                return Normalize(subtag);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>{prefix}{region}</c> when <paramref name="messages"/> has a text for the region, else <c>{prefix}other</c>
    /// (e.g. <c>referral.GB</c>, <c>crisisLine.other</c>).
    /// </summary>
    public static string MessageKey(MessageCatalog messages, string prefix, string region)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var key = prefix + region;
        return messages.Contains(key) ? key : prefix + OtherRegion;
    }

    /// <summary>Upper-cased two-letter code (<c>UK</c> → <c>GB</c>), or null when <paramref name="region"/> is not one.</summary>
    public static string? Normalize(string? region)
    {
        var code = region?.Trim().ToUpperInvariant();
        return code switch
        {
            null or "ZZ" => null,
            "UK" => "GB",
            { Length: 2 } when code.All(char.IsAsciiLetterUpper) => code,
            _ => null,
        };
    }
}
