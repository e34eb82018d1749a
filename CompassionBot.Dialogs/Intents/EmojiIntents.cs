using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// What a message of emoji alone means, from <c>{root}/Understanding/emoji.intents</c> (<c>intent: emoji emoji …</c>;
/// <c>#</c> starts a comment). Skin tones, variation selectors and joiners are ignored. The sentence encoder reads every
/// emoji as one unknown token, so this is the only way emoji are understood.
/// </summary>
public sealed class EmojiIntents
{
    /// <summary>The file's name, in <see cref="IntentExamples.ContentArea"/>.</summary>
    public const string FileName = "emoji.intents";

    private readonly Dictionary<string, Intent> _intentOf;

    private EmojiIntents(Dictionary<string, Intent> intentOf) => _intentOf = intentOf;

    /// <summary>Loads and validates the file below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">The file is missing, a line names no intent, or an emoji is listed twice.</exception>
    public static EmojiIntents Load(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var relative = Path.Combine(IntentExamples.ContentArea, FileName);
        var path = Path.Combine(contentRoot, relative);
        if (!File.Exists(path))
        {
            throw new ContentValidationException([new ContentError(relative, 0, "The file is missing.")]);
        }

        var errors = new List<ContentError>();
        var intentOf = new Dictionary<string, Intent>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IntentNames.TryParse(line[..colon].Trim(), out var intent) || intent is Intent.None or Intent.Choose)
            {
                errors.Add(new ContentError(relative, number, "Expected 'intent: emoji emoji …' with an intent other than none and choose."));
                continue;
            }

            foreach (var emoji in Symbols(line[(colon + 1)..]))
            {
                if (!intentOf.TryAdd(emoji, intent))
                {
                    errors.Add(new ContentError(relative, number, $"'{emoji}' is already listed as '{IntentNames.Name(intentOf[emoji])}'."));
                }
            }
        }

        return errors.Count > 0 ? throw new ContentValidationException(errors) : new EmojiIntents(intentOf);
    }

    /// <summary>The intent of a message that is emoji alone (spaces and punctuation aside) and whose emoji all mean the
    /// same; otherwise null.</summary>
    public Intent? Recognize(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        Intent? found = null;
        foreach (var rune in canonicalText.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return null;
            }

            if (Ignored(rune) || !IsSymbol(rune))
            {
                continue;
            }

            if (!_intentOf.TryGetValue(rune.ToString(), out var intent) || (found is { } other && other != intent))
            {
                return null;
            }

            found = intent;
        }

        return found;
    }

    private static IEnumerable<string> Symbols(string text) =>
        text.EnumerateRunes().Where(r => IsSymbol(r) && !Ignored(r)).Select(r => r.ToString());

    private static bool IsSymbol(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol;

    // Skin tones (U+1F3FB–U+1F3FF), variation selectors and the zero-width joiner qualify an emoji without changing it.
    private static bool Ignored(Rune rune) =>
        rune.Value is (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xFE00 and <= 0xFE0F) or 0x200D;
}
