using System.Security.Cryptography;
using System.Text;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Link codes a client types (<c>link K7QM-3XRD</c>): <see cref="Length"/> characters drawn with a cryptographic
/// random generator from an alphabet without look-alikes (no 0/O, 1/I/L), shown in two groups. Only the
/// <see cref="Hash"/> of a code is stored.
/// </summary>
internal static class LinkCode
{
    /// <summary>Characters in a code (31^8, about 8.5 × 10^11 codes).</summary>
    public const int Length = 8;

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A new code, e.g. <c>K7QM-3XRD</c>.</summary>
    public static string Generate()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return string.Concat(code.AsSpan(0, Length / 2), "-", code.AsSpan(Length / 2));
    }

    /// <summary>The code as typed, without spaces or hyphens and in capitals; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string([.. (typed ?? string.Empty).Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>SHA-256 of a normalised code, lower-case hex: what the database keeps.</summary>
    public static string Hash(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedCode)));
}
