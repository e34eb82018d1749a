using System.Collections.Frozen;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Intents;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// The bot's routine replies, in every language: a rating alone ("7", "7/10", "seven"), yes or no, a keyword
/// (interruptions, "next", "not for me"), a practice's title or one of its choices, a button's label, or a short remark
/// that the practice is not helping ("honestly this is not for me": feedback the non-resonance path answers). Otherwise
/// only a whole message counts: "7, and I want to die" is not routine.
/// </summary>
public sealed class RoutineReplies : IRoutineReplies
{
    private static readonly string[] ButtonKeys =
        ["feel.helpful", "feel.neutral", "feel.notforme", "step.continue", "step.skip", "nonresonance.pause", "yes", "no", "menu.more.sms", "practice.keepgoing", "practice.nothanks"];

    private const string MoreWordsKey = "menu.more.sms.words";
    private const string FamilyKeyPrefix = "menu.family.";

    private readonly FrozenSet<string> _labels;
    private readonly EngagementDetector _engagement;
    private readonly InterruptionRecognizer _interruptions;

    /// <summary>Collects the labels from the content.</summary>
    public RoutineReplies(PracticeCatalog practices, MessageCatalog messages, EngagementDetector engagement, InterruptionRecognizer interruptions)
    {
        ArgumentNullException.ThrowIfNull(practices);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(interruptions);
        _engagement = engagement;
        _interruptions = interruptions;
        _labels = SupportedLocales.All.SelectMany(locale => Labels(practices, messages, locale))
            .Select(InputText.Fold)
            .Where(label => label.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Loads the catalogs the routine replies come from (for tools and tests; the service builds it from its own).</summary>
    /// <exception cref="ContentValidationException">A content file is invalid.</exception>
    public static RoutineReplies Load(string contentRoot) => new(
        PracticeCatalog.Load(contentRoot),
        MessageCatalog.Load(contentRoot),
        EngagementDetector.Load(contentRoot),
        InterruptionRecognizer.Load(contentRoot));

    /// <inheritdoc />
    public bool IsRoutine(string canonicalText)
    {
        var folded = InputText.Fold(canonicalText);
        if (folded.Length == 0)
        {
            // Only emoji or punctuation: the semantic layer reads them ("💊💊💊").
            return false;
        }

        return IsRating(folded)
            || _labels.Contains(folded)
            || ConfirmRecognizer.IsWholeAnswer(folded)
            || _engagement.IsRemarkAboutThePractice(folded)
            || _interruptions.Recognize(folded) != Interruption.None;
    }

    private static bool IsRating(string folded)
    {
        var words = folded.Split(' ');
        var number = words[0].Split('/')[0];
        var rest = string.Join(' ', words.Skip(1));
        return NumberWords.TryParseCardinal(number, out var value)
            && value is >= RatingRecognizer.Min and <= RatingRecognizer.Max
            && (words[0] == number || words[0] == number + "/10")
            && rest is "" or "out of 10" or "de 10" or "out of ten" or "de diez";
    }

    private static IEnumerable<string> Labels(PracticeCatalog practices, MessageCatalog messages, string locale)
    {
        foreach (var practice in practices.All(locale))
        {
            yield return practice.Title;
            foreach (var choice in practice.Steps.SelectMany(s => s.Choices))
            {
                yield return choice;
            }
        }

        var texts = messages.All(locale);
        foreach (var key in ButtonKeys.Where(texts.ContainsKey))
        {
            yield return texts[key];
        }

        foreach (var family in texts.Where(t => t.Key.StartsWith(FamilyKeyPrefix, StringComparison.Ordinal)).Select(t => t.Value))
        {
            yield return family;
        }

        if (texts.TryGetValue(MoreWordsKey, out var more))
        {
            foreach (var word in more.Split('|'))
            {
                yield return word;
            }
        }
    }
}
