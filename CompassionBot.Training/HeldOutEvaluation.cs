using System.Text;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Training;

/// <summary>
/// Measures the committed head on labelled sets it was not trained on, through the service's own screen
/// (<see cref="CrisisScreen"/>): the rules alone against the rules and the semantic layer, by set and language, and by kind.
/// </summary>
internal static class HeldOutEvaluation
{
    /// <summary>The report for <paramref name="files"/> (relative to <paramref name="corpusRoot"/>).</summary>
    public static async Task<string> RunAsync(string corpusRoot, IReadOnlyList<string> files, CrisisHead head, TrainingComponents components, CancellationToken cancellationToken)
    {
        using var layer = new SemanticCrisisLayer(head, cacheSize: 0);
        var screen = new CrisisScreen(components.Rules, layer, [], components.Routine, new ScreeningHealth(), NullLogger<CrisisScreen>.Instance);
        var features = new TextFeatures(head.File.TextFeatures);
        var all = new List<Verdict>();
        var report = new StringBuilder();
        report.AppendLine(ScreenMetrics.Header);
        foreach (var file in files)
        {
            var verdicts = new List<Verdict>();
            foreach (var message in CorpusReader.Read(corpusRoot, [file]))
            {
                var understanding = new MessageUnderstanding(message.Text, components.Encoder);
                var rules = components.Rules.Classify(understanding.Canonical, message.Locale).Level;
                var screened = await screen.ScreenAsync(understanding, message.Locale, cancellationToken).ConfigureAwait(false);
                var prepared = new PreparedMessage(message, understanding.Canonical, [], features.Extract(understanding.Canonical), LanguageGuesser.Guess(understanding.Canonical, message.Locale), rules, components.Routine.IsRoutine(understanding.Canonical), []);
                verdicts.Add(new Verdict(prepared, rules, screened.Level));
            }

            MarkdownReport.AppendByLanguage(report, Path.GetFileNameWithoutExtension(file), verdicts);
            all.AddRange(verdicts);
        }

        if (files.Count > 1)
        {
            MarkdownReport.AppendByLanguage(report, "all", all);
        }

        report.AppendLine();
        report.AppendLine("Share flagged (concern or crisis) by kind:");
        report.AppendLine();
        MarkdownReport.AppendByKind(report, all);
        return report.ToString().ReplaceLineEndings("\n");
    }
}
