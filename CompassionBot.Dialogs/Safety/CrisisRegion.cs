using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Schema;
using PhoneNumbers;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Where the person probably is, for crisis resources (ISO 3166-1 alpha-2, upper case): on SMS the country of the
/// sender's phone number (<c>from.id</c> in E.164); otherwise the clinic's configured region, unless the client reports a
/// country (the <c>clientInfo</c> entity's <c>country</c>, then the region of the activity's locale, <c>en-GB</c> →
/// <c>GB</c>) that the referral table has its own lines for. A locale names a language more often than a place
/// (<c>es-ES</c> is what many browsers send for Spanish anywhere), so a country without its own lines never replaces the
/// clinic's: a Spanish speaker of a US clinic gets 988.
/// </summary>
public static class CrisisRegion
{
    /// <summary>The suffix of the texts used for every region without its own (<c>referral.other</c>).</summary>
    public const string OtherRegion = "other";

    /// <summary>Prefix of the referral texts (<c>referral.GB</c>).</summary>
    public const string ReferralKeyPrefix = "referral.";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The region for <paramref name="activity"/>, falling back to <paramref name="clinicRegion"/>.</summary>
    /// <param name="activity">The inbound activity.</param>
    /// <param name="clinicRegion">The clinic's region (<c>Clinic:Region</c>).</param>
    /// <param name="messages">The texts: a reported country counts only when they have its <c>referral.XX</c> lines.</param>
    public static string Resolve(Activity activity, string clinicRegion, MessageCatalog messages)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(messages);
        if (ChannelKinds.IsSms(activity.ChannelId) && FromPhoneNumber(activity.From?.Id) is { } fromPhone)
        {
            return fromPhone;
        }

        var reported = Normalize(activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.GetString("country"))
            ?? FromLocale(activity.Locale);
        return reported is not null && messages.Contains(ReferralKeyPrefix + reported)
            ? reported
            : Normalize(clinicRegion) ?? "US";
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
