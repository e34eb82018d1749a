using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>The training report committed beside the intent head: examples, method, threshold and validation figures.</summary>
internal static class IntentTrainingReport
{
    private static readonly string[] Languages = ["en", "es"];

    /// <summary>The report for <paramref name="result"/>, whose head file has the bytes <paramref name="headBytes"/>.</summary>
    public static string Write(IntentTrainingResult result, byte[] headBytes, DateTimeOffset trainedAt)
    {
        var options = result.Options;
        var report = new StringBuilder();
        report.AppendLine("# Intent head: training report").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run --project CompassionBot.Training -c Release -- train-intents` on {trainedAt:yyyy-MM-dd}. The head file `intent-head.json` has SHA-256 `{Convert.ToHexStringLower(SHA256.HashData(headBytes))}`.").AppendLine();
        report.AppendLine("## Examples").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{result.Head.Examples} examples (`{{en,es}}/*.examples`, SHA-256 `{result.Head.ExamplesSha256}`); the held-out sets are not among them.").AppendLine();
        report.AppendLine("| intent | en | es |").AppendLine("|---|---:|---:|");
        foreach (var intent in IntentExamples.Taught)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {IntentNames.Name(intent)} | {Count(result, intent, "en")} | {Count(result, intent, "es")} |");
        }

        report.AppendLine().AppendLine("## Method").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Encoder: {HeadTraining.EncoderName}; fingerprint `{result.Head.EncoderFingerprint}`.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Features: the 384-value embedding, and the canonical text's words, character 3–5-grams, word pairs and triples and negated words, signed-hashed into {options.Buckets:N0} buckets (unit length).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Head: multinomial logistic regression over {IntentExamples.Taught.Count} intents (ML.NET L-BFGS maximum entropy, L2 {options.L2Regularization.ToString(CultureInfo.InvariantCulture)}, one thread, seed {options.Seed}).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Threshold: {result.Head.Threshold.ToString("F2", CultureInfo.InvariantCulture)}, the likeliest intent's least probability, of 0.30–0.90 the one with the best validation accuracy minus {options.WrongIntentCost.ToString(CultureInfo.InvariantCulture)} × the share given a wrong intent (a wrong intent is worse than asking again).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Validation: {options.Folds}-fold cross-validation (examples with the same text share a fold), the head alone (the precise layer would read many examples before it). The final head is then fitted on every example.");
        report.AppendLine().AppendLine("## Validation").AppendLine();
        report.AppendLine(IntentMetrics.Header);
        foreach (var language in Languages)
        {
            report.AppendLine(IntentMetrics.Of([.. result.Validation.Where(o => o.Locale == language)]).Row("examples, cross-validated", language));
        }

        report.AppendLine().AppendLine("| intent | en correct | es correct |").AppendLine("|---|---:|---:|");
        foreach (var intent in IntentExamples.Taught)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {IntentNames.Name(intent)} | {Correct(result, intent, "en")} | {Correct(result, intent, "es")} |");
        }

        return report.ToString().ReplaceLineEndings("\n");
    }

    private static int Count(IntentTrainingResult result, Intent intent, string language) =>
        result.Validation.Count(o => o.Label == intent && o.Locale == language);

    private static string Correct(IntentTrainingResult result, Intent intent, string language)
    {
        var of = result.Validation.Where(o => o.Label == intent && o.Locale == language).ToList();
        return of.Count == 0 ? "–" : ((double)of.Count(o => o.Correct) / of.Count).ToString("F2", CultureInfo.InvariantCulture);
    }
}
