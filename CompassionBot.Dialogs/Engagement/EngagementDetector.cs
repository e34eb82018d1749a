using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Engagement;

/// <summary>
/// Reads disengagement signals from one reply, with the phrases of <c>Engagement/{locale}/signals.phrases</c> (every
/// language at once, after folding case and accents).
/// </summary>
public sealed class EngagementDetector
{
    /// <summary>The content folder of the signal phrases, below the content root.</summary>
    public const string ContentArea = "Engagement";

    /// <summary>Phrase kind: explicit non-resonance, found anywhere in a reply as whole words.</summary>
    public const string NonResonanceKind = "nonresonance";

    /// <summary>Phrase kind: a whole reply that skips.</summary>
    public const string SkipKind = "skip";

    /// <summary>Phrase kind: a whole reply that is a minimal answer ("meh", "idk") even after an instruction.</summary>
    public const string MinimalKind = "minimal";

    /// <summary>How many implicit signals end a practice as not resonating.</summary>
    public const int ImplicitSignalLimit = 3;

    private readonly PhraseCatalog _phrases;

    /// <summary>Creates the detector from loaded phrases (kinds <see cref="NonResonanceKind"/>, <see cref="SkipKind"/>, <see cref="MinimalKind"/>).</summary>
    public EngagementDetector(PhraseCatalog phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = phrases;
    }

    /// <summary>The phrase kinds a signals file may use.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [NonResonanceKind, SkipKind, MinimalKind];

    /// <summary>Loads and validates the signal phrases below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">A signals file is invalid (the message names file and line).</exception>
    public static EngagementDetector Load(string contentRoot) => new(PhraseCatalog.Load(contentRoot, ContentArea, Kinds));

    /// <summary>The strongest signal in <paramref name="text"/>; <paramref name="invitesMore"/> is true for free-text questions.</summary>
    public EngagementSignal Detect(string? text, bool invitesMore)
    {
        if (_phrases.Contains(NonResonanceKind, text))
        {
            return EngagementSignal.ExplicitNonResonance;
        }

        switch (_phrases.KindOf(text))
        {
            case SkipKind:
                return EngagementSignal.Skip;
            case MinimalKind:
                return EngagementSignal.MinimalReply;
            default:
                // One word, or only emoji (nothing left after folding), to a question that invites more.
                return invitesMore && InputText.Words(text).Length <= 1 ? EngagementSignal.MinimalReply : EngagementSignal.None;
        }
    }

    /// <summary>Words a remark about the practice may have around its "not for me" phrase ("honestly this is not for me").</summary>
    public const int ShortRemarkWords = 6;

    /// <summary>
    /// True when <paramref name="text"/> is one of the signal phrases ("next", "not for me", "meh"), or a short remark
    /// (at most <see cref="ShortRemarkWords"/> words) around a "this isn't helping" phrase: feedback about the practice.
    /// </summary>
    public bool IsRemarkAboutThePractice(string? text) =>
        _phrases.KindOf(text) is not null
        || (_phrases.Contains(NonResonanceKind, text) && InputText.Words(text).Length <= ShortRemarkWords);

    /// <summary>True when the last three free-text replies each got shorter and the last is three words or fewer.</summary>
    public static bool IsShrinking(IReadOnlyList<int> replyWordCounts)
    {
        ArgumentNullException.ThrowIfNull(replyWordCounts);
        if (replyWordCounts.Count < 3)
        {
            return false;
        }

        var c = replyWordCounts;
        var n = c.Count;
        return c[n - 3] > c[n - 2] && c[n - 2] > c[n - 1] && c[n - 1] <= 3;
    }
}
