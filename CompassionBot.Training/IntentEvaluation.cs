using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>
/// Measures the intent recognizer on labelled sets it never learnt from, every message read with the whole practice menu
/// of its language on offer (so any message may be misread as a choice), as the service reads it: precise layer, then
/// the intent head.
/// </summary>
internal static class IntentEvaluation
{
    private static readonly string[] Languages = ["en", "es"];

    /// <summary>Reads every message of <paramref name="files"/> (relative to <paramref name="corpusRoot"/>).</summary>
    public static async Task<IReadOnlyList<IntentOutcome>> MeasureAsync(
        string corpusRoot, IReadOnlyList<string> files, IntentRecognizer recognizer, PracticeCatalog practices, ISentenceEncoder encoder, CancellationToken cancellationToken)
    {
        var outcomes = new List<IntentOutcome>();
        foreach (var message in IntentCorpusReader.Read(corpusRoot, files))
        {
            var menu = PracticeMenu.Order(practices.All(message.Locale));
            var offered = new OfferedChoices([.. menu.Select(p => new Choice(p.Title, [p.Id]))]);
            var result = await recognizer.RecognizeAsync(new MessageUnderstanding(message.Text, encoder), offered, cancellationToken).ConfigureAwait(false);
            var picked = result.Choice is { } choice ? menu[choice.Index].Id : null;
            outcomes.Add(new IntentOutcome(message.Locale, message.Text, message.Intent, message.PracticeId, result, picked));
        }

        return outcomes;
    }

    /// <summary>The report: the figures by language and by intent, and what they miss.</summary>
    public static string Report(IReadOnlyList<IntentOutcome> heldOut)
    {
        var report = new StringBuilder();
        report.AppendLine(IntentMetrics.Header);
        foreach (var language in Languages)
        {
            report.AppendLine(IntentMetrics.Of([.. heldOut.Where(o => o.Locale == language)]).Row("held-out", language));
        }

        report.AppendLine().AppendLine("Held-out, correct by intent:").AppendLine();
        report.AppendLine("| intent | en n | en correct | es n | es correct |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var intent in Enum.GetValues<Intent>())
        {
            var cells = Languages.Select(language =>
            {
                var of = heldOut.Where(o => o.Locale == language && o.Label == intent).ToList();
                return string.Create(CultureInfo.InvariantCulture, $"{of.Count} | {(of.Count == 0 ? "–" : ((double)of.Count(o => o.Correct) / of.Count).ToString("F2", CultureInfo.InvariantCulture))}");
            });
            report.AppendLine(CultureInfo.InvariantCulture, $"| {IntentNames.Name(intent)} | {string.Join(" | ", cells)} |");
        }

        report.AppendLine().AppendLine("Held-out misses (label → recognised, source, confidence):").AppendLine();
        foreach (var miss in heldOut.Where(o => !o.Correct))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {miss.Locale} {Label(miss.Label, miss.LabelPracticeId)} → {Label(miss.Result.Intent, miss.PickedPracticeId)} ({miss.Result.Source}, {miss.Result.Confidence:F2}): {miss.Text}");
        }

        return report.ToString().ReplaceLineEndings("\n");
    }

    private static string Label(Intent intent, string? practiceId) => practiceId is null ? IntentNames.Name(intent) : $"{IntentNames.Name(intent)}:{practiceId}";
}
