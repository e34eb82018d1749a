namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>A whole-number rating from 0 to 10: "7", "seven", "siete", "7/10", "7 out of 10", "about a 6".</summary>
public static class RatingRecognizer
{
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
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NumberWords.TryParseCardinal(word, out var value))
            {
                if (found is not null || value < Min || value > Max)
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
