namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// A whole-number rating from 0 to 10: "7", "seven", "siete", "7/10", "7 out of 10", "about a 6". Prose is not a
/// rating: digits count in a short answer (at most <see cref="MaxWordsWithDigits"/> words), a number written as a word
/// only in a very short one (at most <see cref="MaxWordsWithNumberWord"/>) and never as part of a phrase such as "no
/// one" or "ni uno" — "no one cares" is something to hear, not a 1.
/// </summary>
public static class RatingRecognizer
{
    /// <summary>The most words an answer with a rating in digits may have ("it's a 7 today, honestly").</summary>
    public const int MaxWordsWithDigits = 8;

    /// <summary>The most words an answer with a rating written as a word may have ("about a six").</summary>
    public const int MaxWordsWithNumberWord = 4;

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal)
    {
        "no", "any", "some", "every", "each", "which", "that", "this", "the", "ni", "ningun", "alguno", "cada", "el", "la", "ese", "esa",
    };

    /// <summary>The lowest rating.</summary>
    public const int Min = 0;

    /// <summary>The highest rating.</summary>
    public const int Max = 10;

    /// <summary>The rating in <paramref name="text"/>, or null when there is none or more than one candidate.</summary>
    public static int? Recognize(string? text)
    {
        var folded = InputText.Fold(text);
        if (folded.Length == 0 || HasNegativeNumber(text!))
        {
            return null;
        }

        var slash = folded.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            folded = folded[..slash];
        }

        folded = folded.Replace(" out of 10", string.Empty, StringComparison.Ordinal)
            .Replace(" de 10", string.Empty, StringComparison.Ordinal)
            .Replace(" out of ten", string.Empty, StringComparison.Ordinal)
            .Replace(" de diez", string.Empty, StringComparison.Ordinal);
        int? found = null;
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (NumberWords.TryParseCardinal(word, out var value))
            {
                var digits = word.All(char.IsAsciiDigit);
                var tooLong = words.Length > (digits ? MaxWordsWithDigits : MaxWordsWithNumberWord);
                if (found is not null || value < Min || value > Max || tooLong || (!digits && i > 0 && Quantifiers.Contains(words[i - 1])))
                {
                    return null;
                }

                found = value;
            }
        }

        return found;
    }

    private static bool HasNegativeNumber(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '-' && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
