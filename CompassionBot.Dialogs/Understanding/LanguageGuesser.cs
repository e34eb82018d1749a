using System.Collections.Frozen;
using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// Guesses whether a short message is English or Spanish from its function words (words that belong to one language
/// only: "the", "i'm", "que", "estoy"). A message with as many of one as the other, or none, keeps the language the
/// conversation is in. Works on canonical text (no accents).
/// </summary>
public static class LanguageGuesser
{
    private static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "the", "i", "im", "ive", "id", "ill", "you", "my", "to", "and", "is", "it", "its", "of", "that", "this", "just", "dont",
        "want", "what", "with", "for", "have", "be", "are", "was", "feel", "feeling", "today", "like", "how", "do", "can", "cant",
        "not", "if", "at", "we", "they", "he", "she", "her", "his", "him", "them", "am", "been", "would", "will", "about", "really",
        "know", "think", "myself", "anymore", "going", "get", "got", "so", "but", "or", "all", "when", "thanks", "thank", "yes",
        "your", "our", "there", "too", "very", "why", "who", "because", "wanna", "gonna", "idk", "tbh", "lol", "okay",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Spanish = FrozenSet.ToFrozenSet(
    [
        "el", "la", "los", "las", "de", "del", "que", "y", "en", "es", "lo", "un", "una", "por", "para", "con", "se", "te", "yo",
        "estoy", "quiero", "muy", "pero", "como", "ya", "hoy", "mas", "siento", "tengo", "nada", "mi", "mis", "tu", "su", "eso",
        "esto", "esta", "este", "ella", "nos", "les", "le", "cuando", "porque", "todo", "todos", "bien", "mal", "ser", "estar",
        "hacer", "tiene", "hay", "asi", "solo", "gracias", "si", "sin", "algo", "vez", "puedo", "voy", "creo", "sobre", "otra",
        "mejor", "ahora", "aqui", "nunca", "siempre", "pues", "vida", "dia", "noche", "casa", "hola", "bueno", "xq", "q", "tmb",
    ], StringComparer.Ordinal);

    // A greeting alone says which language the person writes in, though it is one word.
    private static readonly FrozenDictionary<string, string> Greetings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["hola"] = SupportedLocales.Spanish,
        ["buenas"] = SupportedLocales.Spanish,
        ["hello"] = SupportedLocales.English,
        ["hi"] = SupportedLocales.English,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The language <paramref name="canonicalText"/> is plainly written in, or null: two or more words of one language
    /// only and none of the other ("me siento mal"), or a greeting alone ("hola"). A word or two shared by habit across
    /// languages ("ok", "7", a button's label) says nothing.
    /// </summary>
    /// <param name="canonicalText">The message (see <see cref="TextCanonicaliser"/>).</param>
    public static string? Plainly(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        if (Greetings.TryGetValue(canonicalText.Trim().TrimEnd('!', '.').ToLowerInvariant(), out var greeting))
        {
            return greeting;
        }

        var (english, spanish) = Count(canonicalText);
        return english >= 2 && spanish == 0 ? SupportedLocales.English
            : spanish >= 2 && english == 0 ? SupportedLocales.Spanish
            : null;
    }

    /// <summary>The language of <paramref name="canonicalText"/>: <c>en</c> or <c>es</c>.</summary>
    /// <param name="canonicalText">The message (see <see cref="TextCanonicaliser"/>).</param>
    /// <param name="conversationLanguage">The conversation's language, used on a tie.</param>
    public static string Guess(string canonicalText, string? conversationLanguage)
    {
        var (english, spanish) = Count(canonicalText);
        return english > spanish ? SupportedLocales.English
            : spanish > english ? SupportedLocales.Spanish
            : SupportedLocales.Match(conversationLanguage) ?? SupportedLocales.English;
    }

    /// <summary>How many of <paramref name="canonicalText"/>'s words belong to English only and how many to Spanish only.</summary>
    /// <param name="canonicalText">The message (see <see cref="TextCanonicaliser"/>).</param>
    public static (int English, int Spanish) Count(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        var english = 0;
        var spanish = 0;
        var start = -1;
        for (var i = 0; i <= canonicalText.Length; i++)
        {
            var c = i < canonicalText.Length ? canonicalText[i] : ' ';
            if (char.IsLetter(c) || (start >= 0 && c == '\''))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = canonicalText[start..i].Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                english += English.Contains(word) ? 1 : 0;
                spanish += Spanish.Contains(word) ? 1 : 0;
                start = -1;
            }
        }

        return (english, spanish);
    }
}
