using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Training;

/// <summary>Tables of verdicts: by language (rules alone, then rules and model) and by kind.</summary>
internal static class MarkdownReport
{
    private static readonly string[] Languages = ["en", "es"];

    /// <summary>Rules alone and the whole screen, for each language of <paramref name="verdicts"/>.</summary>
    public static void AppendByLanguage(StringBuilder report, string set, IReadOnlyList<Verdict> verdicts)
    {
        foreach (var language in Languages)
        {
            var inLanguage = verdicts.Where(v => v.Message.Source.Locale == language).ToList();
            if (inLanguage.Count == 0)
            {
                continue;
            }

            report.AppendLine(ScreenMetrics.Of(inLanguage.Select(v => (v.Message.Source.Label, v.RulesAlone))).Row($"{set} {language}", "rules alone"));
            report.AppendLine(ScreenMetrics.Of(inLanguage.Select(v => (v.Message.Source.Label, v.Screen))).Row($"{set} {language}", "rules + model"));
        }
    }

    /// <summary>For each label and kind: how many, and the share the rules alone and the whole screen flagged.</summary>
    public static void AppendByKind(StringBuilder report, IReadOnlyList<Verdict> verdicts)
    {
        report.AppendLine("| label | kind | en n | en rules alone | en rules + model | es n | es rules alone | es rules + model |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        var kinds = verdicts.Where(v => v.Message.Source.Kind.Length > 0)
            .GroupBy(v => (v.Message.Source.Label, v.Message.Source.Kind))
            .OrderByDescending(g => g.Key.Label)
            .ThenBy(g => g.Key.Kind, StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var cells = Languages.Select(language =>
            {
                var inLanguage = kind.Where(v => v.Message.Source.Locale == language).ToList();
                return string.Create(CultureInfo.InvariantCulture, $"{inLanguage.Count} | {Flagged(inLanguage, v => v.RulesAlone)} | {Flagged(inLanguage, v => v.Screen)}");
            });
            report.AppendLine(CultureInfo.InvariantCulture, $"| {kind.Key.Label.ToString().ToLowerInvariant()} | {kind.Key.Kind} | {string.Join(" | ", cells)} |");
        }
    }

    // For risk labels the share flagged (concern or crisis); for none the share flagged too (a false alarm).
    private static string Flagged(List<Verdict> verdicts, Func<Verdict, RiskLevel> level) => verdicts.Count == 0
        ? "–"
        : ((double)verdicts.Count(v => level(v) >= RiskLevel.Concern) / verdicts.Count).ToString("F2", CultureInfo.InvariantCulture);
}
