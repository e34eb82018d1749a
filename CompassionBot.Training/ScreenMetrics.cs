using System.Globalization;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Training;

/// <summary>How a screen did on a set of labelled messages.</summary>
/// <param name="Crisis">Crisis messages.</param>
/// <param name="CrisisFlagged">Share of them flagged (concern or crisis).</param>
/// <param name="CrisisAsCrisis">Share of them called a crisis.</param>
/// <param name="Concern">Concern messages.</param>
/// <param name="ConcernFlagged">Share of them flagged (concern or crisis).</param>
/// <param name="None">None messages.</param>
/// <param name="NoneFlagged">Share of them flagged (concern or crisis).</param>
/// <param name="NoneAsCrisis">Share of them called a crisis.</param>
internal sealed record ScreenMetrics(int Crisis, double CrisisFlagged, double CrisisAsCrisis, int Concern, double ConcernFlagged, int None, double NoneFlagged, double NoneAsCrisis)
{
    /// <summary>Measures <paramref name="verdicts"/> against their labels.</summary>
    public static ScreenMetrics Of(IEnumerable<(RiskLevel Label, RiskLevel Verdict)> verdicts)
    {
        var all = verdicts.ToList();
        var crisis = all.Where(v => v.Label == RiskLevel.Crisis).ToList();
        var concern = all.Where(v => v.Label == RiskLevel.Concern).ToList();
        var none = all.Where(v => v.Label == RiskLevel.None).ToList();
        return new ScreenMetrics(
            crisis.Count,
            Share(crisis, v => v.Verdict >= RiskLevel.Concern),
            Share(crisis, v => v.Verdict == RiskLevel.Crisis),
            concern.Count,
            Share(concern, v => v.Verdict >= RiskLevel.Concern),
            none.Count,
            Share(none, v => v.Verdict >= RiskLevel.Concern),
            Share(none, v => v.Verdict == RiskLevel.Crisis));
    }

    /// <summary>The markdown table header matching <see cref="Row"/>.</summary>
    public static string Header =>
        "| set | screen | crisis n | crisis → flagged | crisis → crisis | concern n | concern → flagged | none n | none flagged | none → crisis |" + "\n" +
        "|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>One markdown table row.</summary>
    public string Row(string set, string screen) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {set} | {screen} | {Crisis} | {CrisisFlagged:F3} | {CrisisAsCrisis:F3} | {Concern} | {ConcernFlagged:F3} | {None} | {NoneFlagged:F3} | {NoneAsCrisis:F3} |");

    private static double Share<T>(List<T> items, Func<T, bool> predicate) => items.Count == 0 ? double.NaN : (double)items.Count(predicate) / items.Count;
}
