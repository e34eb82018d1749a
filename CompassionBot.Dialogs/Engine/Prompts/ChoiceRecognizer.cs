namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Finds which choice a person meant, in this order: the exact title or a synonym; an ordinal ("second",
/// "the last one"); a number ("2", "two"); then a title or synonym whose words all appear in the answer.
/// Case- and accent-insensitive. Choices that are not shown may be accepted by name too.
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>
    /// The choice meant by <paramref name="text"/>, or null. <paramref name="unlisted"/> choices (not shown) count by
    /// title, synonym or words only, and come after <paramref name="choices"/> in the found index; numbers and ordinals
    /// refer to <paramref name="choices"/> alone, and an exact name of either wins over a number ("Three Good Things").
    /// </summary>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices, IReadOnlyList<Choice>? unlisted = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var folded = InputText.Fold(text);
        if (folded.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        var named = unlisted is { Count: > 0 } ? [.. choices, .. unlisted] : choices;
        if (FindExact(folded, named) is { } exact)
        {
            return exact;
        }

        var words = folded.Split(' ');
        if (NumberWords.TryFindOrdinal(words, choices.Count, out var position) && position >= 1 && position <= choices.Count)
        {
            return new FoundChoice(choices[position - 1].Value, position - 1);
        }

        if (words.Length <= 3 && TryFindNumber(words, out var number))
        {
            return number >= 1 && number <= choices.Count ? new FoundChoice(choices[number - 1].Value, number - 1) : null;
        }

        return FindByWords(words, named);
    }

    private static FoundChoice? FindExact(string folded, IReadOnlyList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (Names(choices[i]).Any(n => InputText.Fold(n) == folded))
            {
                return new FoundChoice(choices[i].Value, i);
            }
        }

        return null;
    }

    private static bool TryFindNumber(string[] words, out int number)
    {
        foreach (var word in words)
        {
            if (NumberWords.TryParseCardinal(word, out number))
            {
                return true;
            }
        }

        number = 0;
        return false;
    }

    private static FoundChoice? FindByWords(string[] words, IReadOnlyList<Choice> choices)
    {
        FoundChoice? best = null;
        var bestLength = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var name in Names(choices[i]))
            {
                var nameWords = InputText.Words(name);
                if (nameWords.Length > bestLength && ContainsInOrder(words, nameWords))
                {
                    best = new FoundChoice(choices[i].Value, i);
                    bestLength = nameWords.Length;
                }
            }
        }

        return best;
    }

    private static bool ContainsInOrder(string[] words, string[] wanted)
    {
        if (wanted.Length == 0)
        {
            return false;
        }

        var next = 0;
        foreach (var word in words)
        {
            if (word == wanted[next] && ++next == wanted.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Names(Choice choice) => [choice.Value, .. choice.Synonyms ?? []];
}
