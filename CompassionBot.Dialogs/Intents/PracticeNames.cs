using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// What people call a practice instead of its title ("the breathing one", "la de la carta", "gratitude"), by practice id,
/// from <c>{root}/Understanding/{locale}/practice-names.phrases</c> (every language at once; folded). A name belongs to
/// one practice only, and every practice has names in every language.
/// </summary>
public sealed class PracticeNames
{
    /// <summary>The file of practice names in each locale folder.</summary>
    public const string FileName = "practice-names.phrases";

    private readonly PhraseCatalog _phrases;
    private readonly IReadOnlySet<string> _ids;

    private PracticeNames(PhraseCatalog phrases, IReadOnlySet<string> ids)
    {
        _phrases = phrases;
        _ids = ids;
    }

    /// <summary>Loads and validates the names of <paramref name="practiceIds"/> below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">A line names no known practice, a name is listed for two practices,
    /// or a practice has no names in a language (the message names file and line).</exception>
    public static PracticeNames Load(string contentRoot, IReadOnlyCollection<string> practiceIds)
    {
        ArgumentNullException.ThrowIfNull(practiceIds);
        return new PracticeNames(
            PhraseCatalog.Load(contentRoot, IntentExamples.ContentArea, practiceIds, FileName),
            practiceIds.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>True when <paramref name="text"/> is a practice's id (as offered choices carry it among their synonyms).</summary>
    public bool IsPracticeId(string text) => _ids.Contains(text);

    /// <summary>The folded names of the practice <paramref name="choice"/> offers (its title or a synonym is the
    /// practice's id), or none when it offers no practice.</summary>
    public IReadOnlySet<string> Of(Choice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var id = (choice.Synonyms ?? []).Prepend(choice.Value).FirstOrDefault(_ids.Contains);
        return id is null ? new HashSet<string>() : _phrases.Phrases(id);
    }
}
