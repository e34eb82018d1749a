using System.Security.Cryptography;
using System.Text;

namespace CompassionBot.Dialogs.Telemetry;

/// <summary>
/// A conversation id as it may appear in a log line. Some channels use the person's address as the conversation id
/// (Azure Bot Service's <c>sms</c> channel: the phone number), so an id holding a phone number is written as a keyed
/// pseudonym (<c>pseudonym:</c> and 12 hex digits): stable within the process, so the lines of one conversation still
/// correlate; keyed per process, so nobody holding only the logs can match it to a number. Every other id is written
/// as it is, its control characters escaped. Log methods take this type, and a string converts implicitly, so no call site can forget.
/// </summary>
/// <param name="Value">The conversation id (may be null).</param>
public readonly record struct ConversationLogId(string? Value)
{
    private const int PhoneDigits = 7;

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static implicit operator ConversationLogId(string? value) => new(value);

    /// <summary>Wraps <paramref name="value"/> (the named form of the implicit conversion).</summary>
    public static ConversationLogId FromString(string? value) => new(value);

    /// <summary>
    /// Whether <paramref name="value"/> holds a phone number: a run of at least seven digits (spaces, dots, dashes and
    /// brackets between them allowed) that is not part of a longer word (so hex or base64 ids are not mistaken for one).
    /// </summary>
    public static bool ContainsPhoneNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var run = 0;
        var wordBefore = false;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            if (char.IsAsciiDigit(c))
            {
                run++;
                continue;
            }

            if (run > 0 && c is ' ' or '-' or '.' or '(' or ')' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]))
            {
                continue;
            }

            if (run >= PhoneDigits && !wordBefore && !char.IsAsciiLetter(c))
            {
                return true;
            }

            wordBefore = char.IsAsciiLetter(c);
            run = 0;
        }

        return false;
    }

    /// <summary>The id (control characters escaped, <see cref="LogId.Escape"/>), or its pseudonym when it holds a phone number; empty for null.</summary>
    public override string ToString() =>
        Value is null ? string.Empty
        : ContainsPhoneNumber(Value) ? "pseudonym:" + Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(Value)).AsSpan(0, 6))
        : LogId.Escape(Value);
}
