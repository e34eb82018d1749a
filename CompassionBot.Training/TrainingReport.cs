using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Training;

/// <summary>The training report committed beside the head: corpus, method, thresholds and validation figures.</summary>
internal static class TrainingReport
{
    /// <summary>The report for <paramref name="result"/>, whose head file has the bytes <paramref name="headBytes"/>.</summary>
    public static string Write(TrainingResult result, byte[] headBytes, DateTimeOffset trainedAt)
    {
        var report = new StringBuilder();
        var options = result.Options;
        var messages = result.Validation.Select(v => v.Message.Source).ToList();
        report.AppendLine("# Crisis head: training report");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run --project CompassionBot.Training -c Release` on {trainedAt:yyyy-MM-dd}. The head file `crisis-head.json` has SHA-256 `{Convert.ToHexStringLower(SHA256.HashData(headBytes))}`.");
        report.AppendLine();
        report.AppendLine("## Corpus");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{messages.Count} messages from {result.Head.Corpus.Files.Count} files of `CompassionBot.Training/Corpus` (SHA-256 of names and contents `{result.Head.Corpus.Sha256}`); the held-out sets are not among them.");
        report.AppendLine();
        report.AppendLine("| file | crisis | concern | none | en | es |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var file in messages.GroupBy(m => m.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {file.Key} | {Count(file, RiskLevel.Crisis)} | {Count(file, RiskLevel.Concern)} | {Count(file, RiskLevel.None)} | {file.Count(m => m.Locale == "en")} | {file.Count(m => m.Locale == "es")} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {Count(messages, RiskLevel.Crisis)} | {Count(messages, RiskLevel.Concern)} | {Count(messages, RiskLevel.None)} | {messages.Count(m => m.Locale == "en")} | {messages.Count(m => m.Locale == "es")} |");
        report.AppendLine();
        report.AppendLine("## Method");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Encoder: {HeadTraining.EncoderName}; fingerprint `{result.Head.EncoderFingerprint}`.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Features: the 384-value embedding, and the canonical text's words, character 3–5-grams, word pairs and triples and negated words, signed-hashed into {options.Buckets:N0} buckets (unit length).");
        report.AppendLine("- A message of two or more sentences scores no higher than its riskiest sentence on its own (each sentence is encoded too), so that length and tone alone do not make a message risky.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Head: multinomial logistic regression (ML.NET L-BFGS maximum entropy, L2 {options.L2Regularization.ToString(CultureInfo.InvariantCulture)}, classes weighted by the inverse of their share, one thread, seed {options.Seed}).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Validation: {options.Folds}-fold cross-validation (messages with the same text share a fold); every figure below is on messages scored by a head that did not see them. The final head is then fitted on every message.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Thresholds, per language (the screen's guess of each message's language): the lowest that keep the validation `none` messages called a crisis within {options.MaxNoneAsCrisis:P1} and those flagged at all within {options.MaxNoneFlagged:P1}, the rules' own false alarms included.");
        report.AppendLine();
        report.AppendLine("| language | concern threshold (P(concern) + P(crisis)) | crisis threshold (P(crisis)) |");
        report.AppendLine("|---|---|---|");
        foreach (var (language, thresholds) in result.Thresholds.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {language} | {thresholds.Concern:F4} | {thresholds.Crisis:F4} |");
        }

        report.AppendLine();
        report.AppendLine("## Validation figures (cross-validated, by the message's labelled language)");
        report.AppendLine();
        report.AppendLine(ScreenMetrics.Header);
        MarkdownReport.AppendByLanguage(report, "training corpus", result.Validation);
        report.AppendLine();
        report.AppendLine("Share flagged (concern or crisis) by kind:");
        report.AppendLine();
        MarkdownReport.AppendByKind(report, result.Validation);
        return report.ToString().ReplaceLineEndings("\n");
    }

    private static int Count(IEnumerable<LabelledMessage> messages, RiskLevel label) => messages.Count(m => m.Label == label);
}
