using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Orders practices for a person: families that helped first, something untried near the top, families with no
/// improvement twice pushed down, families rejected twice left out; and picks alternatives from other families
/// when a practice does not resonate.
/// </summary>
public static class PracticeRecommender
{
    /// <summary>How many alternatives are offered at most.</summary>
    public const int MaxAlternatives = 3;

    /// <summary>The menu order for <paramref name="profile"/>.</summary>
    public static IReadOnlyList<Practice> Rank(IReadOnlyList<Practice> practices, UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(practices);
        ArgumentNullException.ThrowIfNull(profile);
        var scores = practices.Select(p => p.Family).Distinct().ToDictionary(f => f, f => FamilyScore.From(profile.History, f));
        var tried = profile.History.Select(h => h.PracticeId).ToHashSet(StringComparer.Ordinal);
        var ranked = practices
            .Where(p => !scores[p.Family].Rejected)
            .Select((p, i) => (Practice: p, Order: i))
            .OrderByDescending(x => scores[x.Practice.Family].Value)
            .ThenBy(x => x.Order)
            .Select(x => x.Practice)
            .ToList();
        return BringForwardSomethingNew(ranked, tried);
    }

    /// <summary>Up to <see cref="MaxAlternatives"/> practices from families other than <paramref name="current"/>'s, one per family.</summary>
    public static IReadOnlyList<Practice> Alternatives(IReadOnlyList<Practice> practices, UserProfile profile, Practice current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Rank(practices, profile)
            .Where(p => p.Family != current.Family)
            .DistinctBy(p => p.Family)
            .Take(MaxAlternatives)
            .ToList();
    }

    /// <summary>The shortest practice from another family that is not already offered, or null.</summary>
    public static Practice? Shorter(IReadOnlyList<Practice> practices, Practice current, IReadOnlyList<Practice> offered)
    {
        ArgumentNullException.ThrowIfNull(practices);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(offered);
        return practices
            .Where(p => p.Family != current.Family && p.Minutes < current.Minutes && !offered.Any(o => o.Id == p.Id))
            .OrderBy(p => p.Minutes)
            .FirstOrDefault();
    }

    private static List<Practice> BringForwardSomethingNew(List<Practice> ranked, HashSet<string> tried)
    {
        if (tried.Count == 0 || ranked.Take(3).Any(p => !tried.Contains(p.Id)))
        {
            return ranked;
        }

        var untried = ranked.FirstOrDefault(p => !tried.Contains(p.Id));
        if (untried is not null)
        {
            ranked.Remove(untried);
            ranked.Insert(Math.Min(2, ranked.Count), untried);
        }

        return ranked;
    }

    private readonly record struct FamilyScore(int Value, bool Rejected)
    {
        public static FamilyScore From(IReadOnlyList<PracticeSessionRecord> history, PracticeFamily family)
        {
            var sessions = history.Where(h => h.Family == family).ToList();
            var helpful = sessions.Count(s => s.Resonance == Resonance.Helpful);
            var rejected = sessions.Count(s => s.Resonance == Resonance.NotForMe || s.Outcome == SessionOutcome.NotResonating);
            var noImprovement = sessions.Count(s => s.NoImprovement);
            var penalty = noImprovement >= 2 ? 3 * noImprovement : 0;
            return new FamilyScore((2 * helpful) - (2 * rejected) - penalty, rejected >= 2);
        }
    }
}
