using CompassionBot.Clinicians.Clients;

namespace CompassionBot.Clinicians.Console;

/// <summary>How a family of practices went for a client: sessions, what the client said of them, and the mean change of distress.</summary>
internal sealed record FamilyResonance(string Family, int Sessions, int Helpful, int Neutral, int NotForMe, double? MeanChange)
{
    /// <summary>Per family, the most helpful first.</summary>
    public static IReadOnlyList<FamilyResonance> From(IReadOnlyList<PracticeSessionEntry> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return [.. sessions
            .GroupBy(s => s.Family, StringComparer.Ordinal)
            .Select(g =>
            {
                var changes = g.Where(s => s.DistressBefore is not null && s.DistressAfter is not null).Select(s => (double)(s.DistressAfter!.Value - s.DistressBefore!.Value)).ToList();
                return new FamilyResonance(
                    g.Key,
                    g.Count(),
                    g.Count(s => s.Resonance == "helpful"),
                    g.Count(s => s.Resonance == "neutral"),
                    g.Count(s => s.Resonance == "not-for-me" || s.Outcome == "not-resonating"),
                    changes.Count > 0 ? changes.Average() : null);
            })
            .OrderByDescending(f => f.Helpful)
            .ThenBy(f => f.NotForMe)
            .ThenBy(f => f.Family, StringComparer.Ordinal)];
    }
}
