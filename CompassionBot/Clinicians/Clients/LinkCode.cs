using System.Security.Cryptography;
using System.Text;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Link codes a client types (<c>link 48293-71920</c>): <see cref="Length"/> digits drawn with a cryptographic random
/// generator, shown in two groups. Digits only: nothing to confuse (0/O, 1/I/l), easy to type on any keypad, and random
/// letters sometimes read as distress to the semantic layer of the crisis screen (about 3 in 100 codes did), which
/// would answer the code with a screening question. Only the <see cref="Hash"/> of a code is stored.
/// </summary>
internal static class LinkCode
{
    /// <summary>Digits in a code (10^10 codes; each is single-use and expires).</summary>
    public const int Length = 10;

    private const string Alphabet = "0123456789";

    /// <summary>A new code, e.g. <c>48293-71920</c>.</summary>
    public static string Generate()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return string.Concat(code.AsSpan(0, Length / 2), "-", code.AsSpan(Length / 2));
    }

    /// <summary>The code as typed, without spaces or hyphens; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string([.. (typed ?? string.Empty).Where(c => c is not (' ' or '-'))]);
        return code.Length == Length && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>SHA-256 of a normalised code, lower-case hex: what the database keeps.</summary>
    public static string Hash(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedCode)));
}
