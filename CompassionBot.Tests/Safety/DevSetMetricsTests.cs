using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Safety;

/// <summary>Measures the embedded detector on the labelled development set (issue 4 thresholds).</summary>
public sealed class DevSetMetricsTests(ITestOutputHelper output)
{
    private const double MinimumCrisisRecall = 0.98;
    private const double MinimumConcernCaught = 0.90;
    private const double MaximumNoneFlagged = 0.03;

    [Fact]
    public void Classify_DevSet_MeetsRecallAndFalsePositiveThresholds()
    {
        var sut = SafetyContent.Detector;
        var messages = Directory.GetFiles(Path.Combine(LabelledMessage.CorpusRoot, "train"), "team-*.tsv").Order(StringComparer.Ordinal).Select(f => "train/" + Path.GetFileName(f)).SelectMany(LabelledMessage.ReadAll).ToList();
        var report = new StringBuilder();
        var byFile = messages.GroupBy(m => m.File).Select(g => Measure(sut, g.Key, [.. g], report)).ToList();
        var all = Measure(sut, "all", messages, report);
        foreach (var line in byFile.Append(all))
        {
            output.WriteLine(line.Summary);
        }

        output.WriteLine(report.ToString());
        Assert.True(messages.Count >= 500, $"The development set has {messages.Count} messages; at least 500 are required.");
        Assert.True(all.CrisisRecall >= MinimumCrisisRecall, all.Summary + Environment.NewLine + report);
        Assert.True(all.ConcernCaught >= MinimumConcernCaught, all.Summary + Environment.NewLine + report);
        Assert.True(all.NoneFlagged <= MaximumNoneFlagged, all.Summary + Environment.NewLine + report);
    }

    private static Metrics Measure(LexiconCrisisDetector sut, string name, List<LabelledMessage> messages, StringBuilder report)
    {
        int crisis = 0, crisisHit = 0, concern = 0, concernHit = 0, none = 0, noneFlagged = 0;
        foreach (var message in messages)
        {
            var result = sut.Classify(message.Text, message.Locale);
            var correct = message.Label switch
            {
                RiskLevel.Crisis => result.Level == RiskLevel.Crisis,
                RiskLevel.Concern => result.Level >= RiskLevel.Concern,
                _ => result.Level == RiskLevel.None,
            };
            (crisis, crisisHit) = message.Label == RiskLevel.Crisis ? (crisis + 1, crisisHit + (correct ? 1 : 0)) : (crisis, crisisHit);
            (concern, concernHit) = message.Label == RiskLevel.Concern ? (concern + 1, concernHit + (correct ? 1 : 0)) : (concern, concernHit);
            (none, noneFlagged) = message.Label == RiskLevel.None ? (none + 1, noneFlagged + (correct ? 0 : 1)) : (none, noneFlagged);
            if (!correct && name != "all")
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"MISS {message.File}:{message.Line} expected {message.Label}, got {result.Level} [{string.Join(",", result.Rules)}]: {message.Text}");
            }
        }

        return new Metrics(name, messages.Count, crisis, Ratio(crisisHit, crisis), concern, Ratio(concernHit, concern), none, Ratio(noneFlagged, none));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private sealed record Metrics(string Name, int Total, int Crisis, double CrisisRecall, int Concern, double ConcernCaught, int None, double NoneFlagged)
    {
        public string Summary => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {Total} messages; crisis {Crisis}, recall {CrisisRecall:F3}; concern {Concern}, caught as concern-or-crisis {ConcernCaught:F3}; none {None}, flagged {NoneFlagged:F3}");
    }
}
