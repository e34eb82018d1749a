using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// Reads which kind of feeling a feeling statement names, from the words of <c>Conversation/{locale}/feelings.phrases</c>
/// (whole words, every language at once) and the emoji of <c>Conversation/feelings.emoji</c>; and which family of
/// practice suits it (anxious or angry: body and breath; low: quiet reflection; good: gratitude; unnamed: body and breath).
/// A negation in the message ("not good", "no estoy bien") makes a pleasant feeling low and any other one unnamed.
/// </summary>
public sealed class FeelingReader
{
    /// <summary>The words' file name in each locale folder of the conversation content.</summary>
    public const string WordsFileName = "feelings.phrases";

    /// <summary>The emoji file's name in the conversation content folder.</summary>
    public const string EmojiFileName = "feelings.emoji";

    private const string NegationKind = "negation";

    private static readonly (string Kind, FeelingKind Feeling)[] Kinds =
        [("anxious", FeelingKind.Anxious), ("angry", FeelingKind.Angry), ("low", FeelingKind.Low), ("good", FeelingKind.Good)];

    private readonly PhraseCatalog _words;
    private readonly Dictionary<string, FeelingKind> _emoji;

    private FeelingReader(PhraseCatalog words, Dictionary<string, FeelingKind> emoji)
    {
        _words = words;
        _emoji = emoji;
    }

    /// <summary>Loads and validates the words and emoji below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">A file is missing or malformed, or an emoji is listed twice.</exception>
    public static FeelingReader Load(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var words = PhraseCatalog.Load(contentRoot, "Conversation", [.. Kinds.Select(k => k.Kind), NegationKind], WordsFileName);
        return new FeelingReader(words, LoadEmoji(contentRoot));
    }

    /// <summary>The kind of feeling <paramref name="text"/> names; <see cref="FeelingKind.Unnamed"/> when it names none the bot knows.</summary>
    public FeelingKind Read(string? text)
    {
        var kind = Kinds.Where(k => _words.Contains(k.Kind, text)).Select(k => (FeelingKind?)k.Feeling).FirstOrDefault() ?? EmojiKind(text);
        if (kind == FeelingKind.Unnamed || !_words.Contains(NegationKind, text))
        {
            return kind;
        }

        return kind == FeelingKind.Good ? FeelingKind.Low : FeelingKind.Unnamed;
    }

    /// <summary>The family of practice suggested for <paramref name="kind"/>.</summary>
    public static PracticeFamily FamilyFor(FeelingKind kind) => kind switch
    {
        FeelingKind.Low => PracticeFamily.Meditative,
        FeelingKind.Good => PracticeFamily.Gratitude,
        _ => PracticeFamily.Somatic,
    };

    private FeelingKind EmojiKind(string? text) =>
        (text ?? string.Empty).EnumerateRunes().Select(r => _emoji.TryGetValue(r.ToString(), out var kind) ? kind : (FeelingKind?)null).FirstOrDefault(k => k is not null)
            ?? FeelingKind.Unnamed;

    private static Dictionary<string, FeelingKind> LoadEmoji(string contentRoot)
    {
        var relative = Path.Combine("Conversation", EmojiFileName);
        var path = Path.Combine(contentRoot, relative);
        if (!File.Exists(path))
        {
            throw new ContentValidationException([new ContentError(relative, 0, "The file is missing.")]);
        }

        var errors = new List<ContentError>();
        var emoji = new Dictionary<string, FeelingKind>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path).Select(l => l.Trim()))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? Kinds.FirstOrDefault(k => k.Kind == line[..colon].Trim()) : default;
            if (kind.Kind is null)
            {
                errors.Add(new ContentError(relative, number, $"Expected 'kind: emoji emoji …' with a kind of {string.Join(", ", Kinds.Select(k => k.Kind))}."));
                continue;
            }

            foreach (var symbol in line[(colon + 1)..].EnumerateRunes().Where(IsEmoji).Select(r => r.ToString()))
            {
                if (!emoji.TryAdd(symbol, kind.Feeling))
                {
                    errors.Add(new ContentError(relative, number, $"'{symbol}' is already listed."));
                }
            }
        }

        return errors.Count > 0 ? throw new ContentValidationException(errors) : emoji;
    }

    private static bool IsEmoji(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol;
}
