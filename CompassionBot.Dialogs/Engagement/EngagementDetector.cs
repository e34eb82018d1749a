using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Engagement;

/// <summary>Reads disengagement signals from one reply (English and Spanish), after folding case and accents.</summary>
public static class EngagementDetector
{
    private static readonly string[] NonResonancePhrases =
    [
        "not helping", "isnt helping", "not working", "doesnt work", "isnt working", "doing nothing", "isnt doing anything",
        "not doing anything", "dont feel anything", "i feel nothing", "feel nothing", "cheesy", "corny", "stupid", "pointless",
        "not for me", "this is dumb", "waste of time", "boring", "not feeling it", "doesnt resonate", "cringe", "silly",
        "no me sirve", "no me ayuda", "no siento nada", "no funciona", "no es para mi", "es tonto", "tonteria", "aburrido",
        "no me gusta", "no sirve",
    ];

    private static readonly HashSet<string> SkipWords = new(StringComparer.Ordinal)
    {
        "skip", "next", "pass", "skip it", "skip this", "saltar", "siguiente", "paso", "pasar", "omitir",
    };

    /// <summary>The strongest signal in <paramref name="text"/>; <paramref name="invitesMore"/> is true for free-text questions.</summary>
    public static EngagementSignal Detect(string? text, bool invitesMore)
    {
        var folded = InputText.Fold(text);
        var padded = " " + folded + " ";
        if (NonResonancePhrases.Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal)))
        {
            return EngagementSignal.ExplicitNonResonance;
        }

        if (SkipWords.Contains(folded))
        {
            return EngagementSignal.Skip;
        }

        var words = folded.Length == 0 ? 0 : folded.Split(' ').Length;
        return invitesMore && words <= 1 ? EngagementSignal.MinimalReply : EngagementSignal.None;
    }

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

    /// <summary>How many implicit signals end a practice as not resonating.</summary>
    public const int ImplicitSignalLimit = 3;
}
