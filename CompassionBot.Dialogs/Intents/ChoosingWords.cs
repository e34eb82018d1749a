using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// The words of choosing, from <c>{root}/Understanding/{locale}/choosing.phrases</c> (every language at once; folded):
/// whole messages that decline every option, filler words a choice may come with ("the first one please"), and
/// negators that stop a message from counting as a choice by number, position or a misspelt name ("not the first one").
/// </summary>
public sealed class ChoosingWords
{
    /// <summary>The file of choosing words in each locale folder.</summary>
    public const string FileName = "choosing.phrases";

    /// <summary>Phrase kind: a whole message that declines every offered option.</summary>
    public const string DeclineKind = "decline";

    /// <summary>Phrase kind: a word a choice may come with.</summary>
    public const string FillerKind = "filler";

    /// <summary>Phrase kind: a word that stops a message from counting as a loose choice.</summary>
    public const string NegatorKind = "negator";

    private readonly PhraseCatalog _phrases;

    /// <summary>Creates the words from loaded phrases (kinds in <see cref="Kinds"/>).</summary>
    public ChoosingWords(PhraseCatalog phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = phrases;
    }

    /// <summary>The phrase kinds a choosing file may use.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [DeclineKind, FillerKind, NegatorKind];

    /// <summary>Loads and validates the choosing words below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">A choosing file is invalid (the message names file and line).</exception>
    public static ChoosingWords Load(string contentRoot) => new(PhraseCatalog.Load(contentRoot, IntentExamples.ContentArea, Kinds, FileName));

    /// <summary>True when the whole of <paramref name="text"/> declines every option ("no thanks", "ninguna").</summary>
    public bool IsDecline(string? text) => _phrases.KindOf(text) == DeclineKind;

    /// <summary>True when the folded <paramref name="word"/> may come with a choice.</summary>
    public bool IsFiller(string word) => _phrases.Phrases(FillerKind).Contains(word);

    /// <summary>True when the folded <paramref name="word"/> negates.</summary>
    public bool IsNegator(string word) => _phrases.Phrases(NegatorKind).Contains(word);
}
