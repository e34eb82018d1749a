namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Small whole numbers written as digits or words (English and Spanish), and ordinals.</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["none"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["cero"] = 0, ["uno"] = 1, ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5,
        ["seis"] = 6, ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5,
        ["primero"] = 1, ["primera"] = 1, ["primer"] = 1, ["segundo"] = 2, ["segunda"] = 2, ["tercero"] = 3,
        ["tercera"] = 3, ["tercer"] = 3, ["cuarto"] = 4, ["cuarta"] = 4, ["quinto"] = 5, ["quinta"] = 5,
    };

    private static readonly HashSet<string> LastWords = new(StringComparer.Ordinal) { "last", "ultimo", "ultima" };

    /// <summary>Parses one folded word: "7" or "seven" → 7.</summary>
    public static bool TryParseCardinal(string word, out int value)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length is > 0 and <= 3 && word.All(char.IsAsciiDigit))
        {
            value = int.Parse(word, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        return Cardinals.TryGetValue(word, out value);
    }

    /// <summary>Finds an ordinal in folded words ("the second one", "la última") as a 1-based position, given the list length.</summary>
    public static bool TryFindOrdinal(IReadOnlyList<string> words, int count, out int position)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            if (Ordinals.TryGetValue(word, out position))
            {
                return true;
            }

            if (LastWords.Contains(word))
            {
                position = count;
                return true;
            }
        }

        position = 0;
        return false;
    }
}
