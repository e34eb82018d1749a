using System.Globalization;
using System.Net;
using System.Text;

namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// Puts a message into the one form every reader of it sees (the crisis rules, the sentence encoder, intents), so
/// that nothing invisible or look-alike changes what it says: HTML entities decoded (Teams sends <c>&amp;nbsp;</c>),
/// Unicode NFKC (fullwidth and mathematical letters become plain ones), format characters removed (zero-width spaces
/// and joiners, soft hyphens, byte-order marks, bidirectional marks), combining marks removed (accents included: the
/// rules and the uncased encoder ignore them anyway), Cyrillic and Greek look-alikes folded to Latin in a message
/// that has Latin letters, and every line break, tab or other space written as one plain space.
/// </summary>
public static class TextCanonicaliser
{
    private static readonly Dictionary<char, char> Confusables = BuildConfusables();

    /// <summary>Returns the canonical form of <paramref name="text"/>; the same instance when it is already canonical
    /// (plain ASCII without entities, line breaks or control characters: most messages).</summary>
    public static string Canonicalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPlain(text))
        {
            return text;
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        var composed = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        var foldLookAlikes = HasLatinLetter(decomposed);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsDropped(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(foldLookAlikes && Confusables.TryGetValue(c, out var latin) ? latin : c);
        }

        return builder.ToString();
    }

    // Printable ASCII with single spaces between words needs nothing; an entity might (an '&' is rare in chat).
    private static bool IsPlain(string text)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '&' || (c == ' ' && previousSpace))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return !previousSpace || text.Length == 0;
    }

    private static bool IsSpace(char c) => c is '\n' or '\r' or '\t' or '\f' or '\v' || char.IsWhiteSpace(c) || char.IsControl(c);

    private static bool IsDropped(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark => true,
        UnicodeCategory.Format => true,
        _ => false,
    };

    private static bool HasLatinLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // Letters that render like Latin ones in common fonts: Cyrillic and Greek, lower and upper case.
    private static Dictionary<char, char> BuildConfusables()
    {
        const string from = "аеіјоросухѕԁһӏԛԝвкмнтАВЕІЈКМНОРСТУХЅαεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";
        const string to = "aeijopocyxsdhlqwbkmhtABEIJKMHOPCTYXSaeikvoptuxABEZHIKMNOPTYX";
        var map = new Dictionary<char, char>(from.Length);
        for (var i = 0; i < from.Length; i++)
        {
            map[from[i]] = to[i];
        }

        return map;
    }
}
