using System.Globalization;

namespace CompassionBot.Sms;

/// <summary>
/// Instants in the SMS and check-in tables: ISO 8601 round-trip text in UTC (<c>2026-03-02T23:00:00.0000000+00:00</c>).
/// Every value has the same length and offset, so the text sorts and compares like the instant on both providers.
/// </summary>
internal static class SmsTimestamps
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? ParseOrNull(string? value) => value is null ? null : Parse(value);
}
