using PhoneNumbers;

namespace CompassionBot.Sms;

/// <summary>Normalises phone numbers to E.164 with libphonenumber.</summary>
public static class PhoneNumberNormalizer
{
    /// <summary>
    /// <paramref name="raw"/> in E.164 (<c>+15551234567</c>), or null when it is not a valid number. Numbers without a
    /// country code are read as numbers of <paramref name="defaultRegion"/>.
    /// </summary>
    public static string? ToE164(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(raw, defaultRegion);
            return util.IsValidNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
