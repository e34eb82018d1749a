using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// Recognises a whole message that is an interruption, with the words of <c>Conversation/{locale}/interruptions.phrases</c>
/// (every language at once; case-, accent- and punctuation-insensitive). A lone <c>?</c> is help.
/// </summary>
public sealed class InterruptionRecognizer
{
    /// <summary>The content folder of the interruption words, below the content root.</summary>
    public const string ContentArea = "Conversation";

    /// <summary>The interruption words' file name in each locale folder of <see cref="ContentArea"/>.</summary>
    public const string FileName = "interruptions.phrases";

    private static readonly Dictionary<string, Interruption> KindToInterruption = new(StringComparer.Ordinal)
    {
        ["help"] = Interruption.Help,
        ["menu"] = Interruption.Menu,
        ["stop"] = Interruption.Stop,
        ["pause"] = Interruption.Pause,
        ["english"] = Interruption.English,
        ["spanish"] = Interruption.Spanish,
        ["show-phrase"] = Interruption.ShowPhrase,
        ["show-letter"] = Interruption.ShowLetter,
        ["delete-phrase"] = Interruption.DeletePhrase,
        ["delete-letter"] = Interruption.DeleteLetter,
    };

    private readonly PhraseCatalog _phrases;

    /// <summary>Creates the recognizer from loaded phrases (kinds in <see cref="Kinds"/>).</summary>
    public InterruptionRecognizer(PhraseCatalog phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = phrases;
    }

    /// <summary>The phrase kinds an interruptions file may use.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. KindToInterruption.Keys];

    /// <summary>Loads and validates the interruption words below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">An interruptions file is invalid (the message names file and line).</exception>
    public static InterruptionRecognizer Load(string contentRoot) => new(PhraseCatalog.Load(contentRoot, ContentArea, Kinds, FileName));

    /// <summary>The interruption <paramref name="text"/> is, or <see cref="Interruption.None"/>.</summary>
    public Interruption Recognize(string? text)
    {
        if (text?.Trim() == "?")
        {
            return Interruption.Help;
        }

        return _phrases.KindOf(text) is { } kind ? KindToInterruption[kind] : Interruption.None;
    }
}
