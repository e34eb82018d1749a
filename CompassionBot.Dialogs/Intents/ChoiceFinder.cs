using System.Globalization;
using CompassionBot.Dialogs.Engine.Prompts;
using F23.StringSimilarity;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// The option a message picks, if it certainly picks one: an option's exact name or synonym (as
/// <see cref="ChoiceRecognizer"/> finds it); or its number, position or name among filler words only ("the first one",
/// "number 2 please", "lets do soothing breath"), with no negator ("not the first one"); or, failing those, what people
/// call one offered practice (<see cref="PracticeNames"/>: "the breathing one", "la de la carta") among filler words and
/// that option's own title words, when no other offered option is called so; or one option's name, or a one-word name
/// of its practice, misspelt ("self compassoin brake", "respiracon"), clearly closer than any other option's, again
/// among filler words only. Anything else ("the second time this didn't help", "that one", "3 good things" read as
/// option 3) picks nothing.
/// </summary>
public sealed class ChoiceFinder
{
    /// <summary>How similar (1 − edit distance / length, transpositions counting once) a misspelt name must be.</summary>
    public const double MinNameSimilarity = 0.8;

    /// <summary>How much closer the misspelt name must be to its option than to any other.</summary>
    public const double MinNameMargin = 0.1;

    // A name shorter than this ("more", "all") is too easily read into a typo of something else.
    private const int MinFuzzyNameLength = 8;

    // Number words that are also articles or pronouns ("that one", "una más corta") do not pick by number.
    private static readonly HashSet<string> ArticleNumbers = new(StringComparer.Ordinal) { "one", "uno", "una" };
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the", "un", "una", "el", "la", "los", "las" };
    private static readonly OptimalStringAlignment Distance = new();

    private readonly ChoosingWords _words;
    private readonly PracticeNames _names;

    /// <summary>Creates the finder over the choosing words and the practices' names.</summary>
    public ChoiceFinder(ChoosingWords words, PracticeNames names)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(names);
        _words = words;
        _names = names;
    }

    /// <summary>The option <paramref name="text"/> picks among <paramref name="offered"/>, or null. The index is as
    /// <see cref="ChoiceRecognizer.Recognize"/> gives it (listed options first, then unlisted ones).</summary>
    public FoundChoice? Find(string? text, OfferedChoices offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var words = InputText.Words(text);
        if (words.Length == 0 || offered.Listed.Count == 0)
        {
            return null;
        }

        IReadOnlyList<Choice> named = offered.Unlisted is { Count: > 0 } unlisted ? [.. offered.Listed, .. unlisted] : offered.Listed;
        var found = ChoiceRecognizer.Recognize(text, [.. offered.Listed.Select(Readable)], offered.Unlisted?.Select(Readable).ToList());
        var folded = string.Join(' ', words);
        if (found is not null && Names(named[found.Index]).Any(n => InputText.Fold(n) == folded))
        {
            return found;
        }

        if (words.Any(_words.IsNegator))
        {
            return null;
        }

        return found is not null && IsPlain(words, offered.Listed.Count, named[found.Index])
            ? found
            : FindByPracticeName(words, named) ?? FindMisspelt(words, named);
    }

    // The one option called by a practice name that is a run of the message's words, every other word being filler or a
    // word of that option's title or synonyms ("soothing breathing"); nothing when two options are called so.
    private FoundChoice? FindByPracticeName(string[] words, IReadOnlyList<Choice> named)
    {
        FoundChoice? match = null;
        for (var i = 0; i < named.Count; i++)
        {
            var ownWords = Names(named[i]).SelectMany(InputText.Words).ToHashSet(StringComparer.Ordinal);
            if (!_names.Of(named[i]).Any(name => IsCalled(words, name.Split(' '), w => _words.IsFiller(w) || ownWords.Contains(w))))
            {
                continue;
            }

            if (match is not null)
            {
                return null;
            }

            match = new FoundChoice(named[i].Value, i);
        }

        return match;
    }

    private static bool IsCalled(string[] words, string[] name, Func<string, bool> mayCome)
    {
        for (var start = 0; start + name.Length <= words.Length; start++)
        {
            if (words.AsSpan(start, name.Length).SequenceEqual(name)
                && words[..start].All(mayCome) && words[(start + name.Length)..].All(mayCome))
            {
                return true;
            }
        }

        return false;
    }

    // Every word is filler, a number or position, or a word of the option's names; a lone article-number picks nothing, and
    // nor do two numbers.
    private bool IsPlain(string[] words, int listed, Choice choice)
    {
        var nameWords = Names(choice).SelectMany(InputText.Words).ToHashSet(StringComparer.Ordinal);
        var byOrdinal = NumberWords.TryFindOrdinal(words, listed, out _);
        var cardinals = words.Where(w => NumberWords.TryParseCardinal(w, out _)).ToList();
        if (cardinals.Count(w => !ArticleNumbers.Contains(w)) > 1)
        {
            // "2+2" is a sum, not one option.
            return false;
        }

        var cardinal = cardinals.FirstOrDefault();
        if (!byOrdinal && cardinal is not null && ArticleNumbers.Contains(cardinal) && !nameWords.Contains(cardinal))
        {
            return false;
        }

        return words.All(w => _words.IsFiller(w) || nameWords.Contains(w) || NumberWords.TryParseCardinal(w, out _) || NumberWords.TryFindOrdinal([w], listed, out _));
    }

    private FoundChoice? FindMisspelt(string[] words, IReadOnlyList<Choice> named)
    {
        var best = (Index: -1, Similarity: 0.0);
        var runnerUp = 0.0;
        for (var i = 0; i < named.Count; i++)
        {
            var similarity = Variants(named[i]).Max(name => Similarity(words, name));
            if (similarity > best.Similarity)
            {
                runnerUp = best.Similarity;
                best = (i, similarity);
            }
            else
            {
                runnerUp = Math.Max(runnerUp, similarity);
            }
        }

        return best.Similarity >= MinNameSimilarity && best.Similarity - runnerUp >= MinNameMargin
            ? new FoundChoice(named[best.Index].Value, best.Index)
            : null;
    }

    // The best similarity of the name to a run of the message's words (one word more or fewer than the name), where
    // every other word of the message is filler.
    private double Similarity(string[] words, string[] name)
    {
        var text = string.Join(' ', name);
        if (text.Length < MinFuzzyNameLength)
        {
            return 0;
        }

        var best = 0.0;
        for (var length = Math.Max(1, name.Length - 1); length <= Math.Min(words.Length, name.Length + 1); length++)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (!words[..start].Concat(words[(start + length)..]).All(_words.IsFiller))
                {
                    continue;
                }

                var run = string.Join(' ', words, start, length);
                best = Math.Max(best, 1 - (Distance.Distance(run, text) / Math.Max(run.Length, text.Length)));
            }
        }

        return best;
    }

    // Each name folded into words; also without a leading article ("carta compasiva") and with number words as digits
    // ("3 good things"); and the one-word names people call its practice ("respiracion"): a misspelt phrase of several
    // short words ("what do you need") is too often another sentence.
    private IEnumerable<string[]> Variants(Choice choice)
    {
        foreach (var name in _names.Of(choice).Where(n => !n.Contains(' ', StringComparison.Ordinal)))
        {
            yield return [name];
        }

        foreach (var name in Names(choice).Select(InputText.Words).Where(w => w.Length > 0))
        {
            yield return name;
            if (name.Length > 1 && Articles.Contains(name[0]))
            {
                yield return name[1..];
            }

            if (name.Any(IsNumberWord))
            {
                yield return [.. name.Select(w => IsNumberWord(w) && NumberWords.TryParseCardinal(w, out var n) ? n.ToString(CultureInfo.InvariantCulture) : w)];
            }
        }
    }

    private static bool IsNumberWord(string word) => !word.All(char.IsAsciiDigit) && !ArticleNumbers.Contains(word) && NumberWords.TryParseCardinal(word, out _);

    // A practice's id ("what-do-i-need") is no name people type, and read as one it takes "what do i need to do" for a
    // choice; what people call a practice is in PracticeNames.
    private IEnumerable<string> Names(Choice choice) => [choice.Value, .. (choice.Synonyms ?? []).Where(s => !_names.IsPracticeId(s))];

    private Choice Readable(Choice choice) => choice with { Synonyms = [.. Names(choice).Skip(1)] };
}
