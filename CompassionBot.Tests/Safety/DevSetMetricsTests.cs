using System.Globalization;
using System.Text;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Tests.Support;
using CompassionBot.Training;

namespace CompassionBot.Tests.Safety;

/// <summary>
/// Measures the screen on every labelled file of the corpus: the rules alone and the rules with the semantic layer, per
/// file and language (run with <c>-showliveoutput</c> to see the table and every miss of the team's files). The rules
/// keep the thresholds of issue 4 on the team's files they were written against; on the independent held-out sets
/// (never trained on) the semantic layer must keep a clear part of its measured advantage (a regression guard, not a target).
/// </summary>
public sealed class DevSetMetricsTests(ITestOutputHelper output)
{
    private const double MinimumCrisisRecall = 0.98;
    private const double MinimumConcernCaught = 0.90;
    private const double MaximumNoneFlagged = 0.03;

    [Fact]
    public void Classify_TeamFiles_RulesMeetRecallAndFalsePositiveThresholds()
    {
        var sut = SafetyContent.Detector;
        var messages = LabelledCorpus.Files("train").Where(f => Path.GetFileName(f).StartsWith("team-", StringComparison.Ordinal)).SelectMany(LabelledCorpus.Read).ToList();
        var report = new StringBuilder();
        var all = Measure("team files, rules alone", messages, m => sut.Classify(m.Text, m.Locale).Level, report);

        output.WriteLine(all.Summary);
        output.WriteLine(report.ToString());
        Assert.True(messages.Count >= 500, $"The team's files have {messages.Count} messages; at least 500 are required.");
        Assert.True(all.CrisisRecall >= MinimumCrisisRecall, all.Summary + Environment.NewLine + report);
        Assert.True(all.ConcernCaught >= MinimumConcernCaught, all.Summary + Environment.NewLine + report);
        Assert.True(all.NoneFlagged <= MaximumNoneFlagged, all.Summary + Environment.NewLine + report);
    }

    [Fact]
    public async Task Screen_EveryLabelledFile_ReportsRulesAloneAndRulesWithModelByLanguage()
    {
        var screen = SafetyContent.Screen();
        var heldOut = new List<(Metrics Rules, Metrics Screen)>();
        foreach (var file in LabelledCorpus.Files("train").Concat(LabelledCorpus.Files("heldout")))
        {
            var messages = LabelledCorpus.Read(file).ToList();
            var screened = new Dictionary<LabelledMessage, RiskLevel>();
            foreach (var message in messages)
            {
                var verdict = await screen.ScreenAsync(new MessageUnderstanding(message.Text, SafetyContent.Encoder), message.Locale, TestContext.Current.CancellationToken);
                screened[message] = verdict.Level;
            }

            foreach (var language in new[] { "en", "es" })
            {
                var inLanguage = messages.Where(m => m.Locale == language).ToList();
                if (inLanguage.Count == 0)
                {
                    continue;
                }

                var rules = Measure($"{file} {language} rules alone", inLanguage, m => SafetyContent.Detector.Classify(m.Text, m.Locale).Level, null);
                var both = Measure($"{file} {language} rules + model", inLanguage, m => screened[m], null);
                output.WriteLine(rules.Summary);
                output.WriteLine(both.Summary);
                if (file.StartsWith("heldout/", StringComparison.Ordinal))
                {
                    heldOut.Add((rules, both));
                }
            }
        }

        Assert.NotEmpty(heldOut);
        Assert.All(heldOut, set => Assert.True(set.Screen.CrisisFlagged >= set.Rules.CrisisFlagged + 0.2, set.Screen.Summary));
        Assert.All(heldOut, set => Assert.True(set.Screen.NoneFlagged <= 0.08, set.Screen.Summary));
    }

    // Crisis recall counts a crisis message found as crisis; concern and none count flagged as concern or crisis.
    private static Metrics Measure(string name, List<LabelledMessage> messages, Func<LabelledMessage, RiskLevel> classify, StringBuilder? report)
    {
        int crisis = 0, crisisHit = 0, crisisFlagged = 0, concern = 0, concernHit = 0, none = 0, noneFlagged = 0;
        foreach (var message in messages)
        {
            var level = classify(message);
            var correct = message.Label switch
            {
                RiskLevel.Crisis => level == RiskLevel.Crisis,
                RiskLevel.Concern => level >= RiskLevel.Concern,
                _ => level == RiskLevel.None,
            };
            (crisis, crisisHit) = message.Label == RiskLevel.Crisis ? (crisis + 1, crisisHit + (correct ? 1 : 0)) : (crisis, crisisHit);
            crisisFlagged += message.Label == RiskLevel.Crisis && level >= RiskLevel.Concern ? 1 : 0;
            (concern, concernHit) = message.Label == RiskLevel.Concern ? (concern + 1, concernHit + (correct ? 1 : 0)) : (concern, concernHit);
            (none, noneFlagged) = message.Label == RiskLevel.None ? (none + 1, noneFlagged + (correct ? 0 : 1)) : (none, noneFlagged);
            if (!correct)
            {
                report?.AppendLine(CultureInfo.InvariantCulture, $"MISS {message.File}:{message.Line} expected {message.Label}, got {level}: {message.Text}");
            }
        }

        return new Metrics(name, messages.Count, crisis, Ratio(crisisHit, crisis), Ratio(crisisFlagged, crisis), concern, Ratio(concernHit, concern), none, Ratio(noneFlagged, none));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private sealed record Metrics(string Name, int Total, int Crisis, double CrisisRecall, double CrisisFlagged, int Concern, double ConcernCaught, int None, double NoneFlagged)
    {
        public string Summary => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {Total} messages; crisis {Crisis}, as crisis {CrisisRecall:F3}, flagged {CrisisFlagged:F3}; concern {Concern}, flagged {ConcernCaught:F3}; none {None}, flagged {NoneFlagged:F3}");
    }
}
