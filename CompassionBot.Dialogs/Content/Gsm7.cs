using System.Text;

namespace CompassionBot.Dialogs.Content;

/// <summary>
/// The GSM 03.38 default alphabet used by single-segment SMS: which text can be sent as GSM-7, its length in
/// septets, and a folding of common non-GSM characters (Spanish <c>á í ó ú</c>, typographic quotes and dashes) onto
/// GSM-7 look-alikes, as carriers' "smart encoding" does. One non-GSM character turns a whole SMS into UCS-2, which
/// halves its capacity.
/// </summary>
public static class Gsm7
{
    /// <summary>Septets in one unsegmented SMS.</summary>
    public const int SingleSegmentLimit = 160;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Each of these takes an escape septet plus one.
    private const string Extended = "\f^{}\\[~]|€";

    private static readonly Dictionary<char, string> Folds = new()
    {
        ['á'] = "a", ['í'] = "i", ['ó'] = "o", ['ú'] = "u",
        ['Á'] = "A", ['Í'] = "I", ['Ó'] = "O", ['Ú'] = "U",
        ['â'] = "a", ['ê'] = "e", ['î'] = "i", ['ô'] = "o", ['û'] = "u", ['ë'] = "e", ['ï'] = "i", ['ç'] = "Ç",
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201C'] = "\"", ['\u201D'] = "\"",
        ['\u2013'] = "-", ['\u2014'] = "-", ['\u2026'] = "...", ['\u00B7'] = "-", ['\u00A0'] = " ",
    };

    /// <summary>Whether every character of <paramref name="text"/> is in the GSM-7 default or extension table.</summary>
    public static bool IsEncodable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(IsGsm);
    }

    /// <summary>The characters of <paramref name="text"/> that GSM-7 cannot carry, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> InvalidCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.EnumerateRunes().Where(r => !r.IsBmp || !IsGsm((char)r.Value)).Select(r => r.ToString()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Length in septets: extension-table characters (<c>€ [ ] { } ^ ~ \ |</c>) count two.</summary>
    public static int SeptetCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Sum(c => Extended.Contains(c, StringComparison.Ordinal) ? 2 : 1);
    }

    /// <summary>Whether <paramref name="text"/> is GSM-7 and fits one unsegmented SMS.</summary>
    public static bool FitsOneSegment(string text) => IsEncodable(text) && SeptetCount(text) <= SingleSegmentLimit;

    /// <summary>
    /// Replaces common characters GSM-7 lacks with look-alikes (<c>á</c> → <c>a</c>, <c>’</c> → <c>'</c>,
    /// <c>—</c> → <c>-</c>, <c>…</c> → <c>...</c>); other characters are left as they are.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(c => !Folds.ContainsKey(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Folds.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsGsm(char c) => Basic.Contains(c, StringComparison.Ordinal) || Extended.Contains(c, StringComparison.Ordinal);
}
