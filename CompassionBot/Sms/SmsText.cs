using System.Text;
using CompassionBot.Dialogs.Content;

namespace CompassionBot.Sms;

/// <summary>
/// Turns a reply into SMS bodies: plain GSM-7 (typographic quotes and dashes folded, characters GSM-7 cannot carry
/// such as emoji dropped) split at sentence boundaries into messages of at most <see cref="Gsm7.SingleSegmentLimit"/>
/// septets, so each arrives as one unsegmented SMS, in order.
/// </summary>
public static class SmsText
{
    /// <summary>Folds <paramref name="text"/> to GSM-7 and drops what cannot be carried; line ends become <c>\n</c>.</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Gsm7.Fold(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (Gsm7.IsEncodable(folded))
        {
            return folded.Trim();
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var piece = rune.ToString();
            if (Gsm7.IsEncodable(piece))
            {
                builder.Append(piece);
            }
        }

        return builder.ToString().Replace("  ", " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// Sanitises <paramref name="text"/> and splits it into bodies of at most <paramref name="limit"/> septets: at sentence
    /// ends or line breaks where possible, else between words, else (one very long word) anywhere.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = Gsm7.SingleSegmentLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 10);
        var clean = Sanitize(text);
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in Sentences(clean))
        {
            var candidate = current.Length == 0 ? sentence : current + Separator(current) + sentence;
            if (Gsm7.SeptetCount(candidate) <= limit)
            {
                current.Clear().Append(candidate);
                continue;
            }

            Flush(current, parts);
            if (Gsm7.SeptetCount(sentence) <= limit)
            {
                current.Append(sentence);
            }
            else
            {
                SplitLong(sentence, limit, parts, current);
            }
        }

        Flush(current, parts);
        return parts;
    }

    // A sentence keeps its end punctuation; a line break that separated two sentences is kept as the separator.
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n'
                || (text[i] is '.' or '!' or '?' && i + 1 < text.Length && text[i + 1] == ' ');
            if (end)
            {
                var piece = text[start..(i + 1)].Trim();
                if (piece.Length > 0)
                {
                    yield return text[i] == '\n' ? piece + "\n" : piece;
                }

                start = i + 1;
            }
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    private static string Separator(StringBuilder current) => current[^1] == '\n' ? string.Empty : " ";

    private static void SplitLong(string sentence, int limit, List<string> parts, StringBuilder current)
    {
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Gsm7.SeptetCount(candidate) <= limit)
            {
                current.Clear().Append(candidate);
                continue;
            }

            Flush(current, parts);
            var rest = word;
            while (Gsm7.SeptetCount(rest) > limit)
            {
                var take = limit;
                while (Gsm7.SeptetCount(rest[..take]) > limit)
                {
                    take--;
                }

                parts.Add(rest[..take]);
                rest = rest[take..];
            }

            current.Append(rest);
        }
    }

    private static void Flush(StringBuilder current, List<string> parts)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            parts.Add(text);
        }

        current.Clear();
    }
}
