using System.Buffers;
using System.Globalization;
using System.Text;

namespace CompassionBot.Dialogs.Telemetry;

/// <summary>
/// An identifier or other short value as it may appear in a log line (a channel's conversation id, a MessageSid, a
/// key name), with every control character written as <c>\uXXXX</c>, so a value that arrived from outside cannot
/// forge a line (CR/LF) or smuggle a raw NUL or escape sequence into the log. Log methods take this type instead of
/// <see cref="string"/>, and a string converts implicitly, so no call site can forget; <see cref="Escape"/> is the one
/// place the escaping is done.
/// </summary>
/// <param name="Value">The value (may be null).</param>
public readonly record struct LogId(string? Value)
{
    // C0 and C1 controls, DEL, and the Unicode line and paragraph separators (both end a line in many viewers).
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Append(0x2028).Append(0x2029).Select(c => (char)c)));

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static implicit operator LogId(string? value) => new(value);

    /// <summary>Wraps <paramref name="value"/> (the named form of the implicit conversion).</summary>
    public static LogId FromString(string? value) => new(value);

    /// <summary><paramref name="value"/> with its control characters escaped; the same instance when it has none.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = value.AsSpan().IndexOfAny(Escaped);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16).Append(value, 0, first);
        foreach (var c in value.AsSpan(first))
        {
            if (Escaped.Contains(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The value escaped; empty for null.</summary>
    public override string ToString() => Value is null ? string.Empty : Escape(Value);
}
