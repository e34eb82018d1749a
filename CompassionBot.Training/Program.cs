using System.Text;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Intents;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Training;

/// <summary>
/// Trains the crisis screen's semantic layer (see <c>Corpus/README.md</c> and <c>Safety/Content/model/training-report.md</c>).
/// <c>dotnet run --project CompassionBot.Training -c Release</c> trains on <c>Corpus/train</c> and writes the head and its
/// report; <c>-- evaluate [files]</c> measures the committed head on <c>Corpus/heldout</c> (or the files named).
/// <c>-- train-intents</c> trains the intent head on the intent examples and writes it with its report;
/// <c>-- evaluate-intents [files]</c> measures the intent recognizer on <c>Corpus/intents</c> (or the files named).
/// </summary>
internal static class TrainingProgram
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "train";
        var repository = RepositoryRoot.Find();
        var corpusRoot = Path.Combine(repository, "CompassionBot.Training", "Corpus");
        var modelFolder = Path.Combine(repository, "CompassionBot.Dialogs", "Safety", "Content", "model");
        var components = TrainingComponents.Load(Path.Combine(AppContext.BaseDirectory, "Content"));
        switch (verb)
        {
            case "train":
            {
                var files = CorpusReader.Files(corpusRoot, "train");
                var result = await HeadTraining.RunAsync(corpusRoot, files, new HeadTrainerOptions(), components, CancellationToken.None);
                var head = JsonSerializer.SerializeToUtf8Bytes(result.Head, CrisisHeadJsonContext.Default.CrisisHeadFile);
                Directory.CreateDirectory(modelFolder);
                await File.WriteAllBytesAsync(Path.Combine(modelFolder, "crisis-head.json"), head);
                var report = TrainingReport.Write(result, head, TimeProvider.System.GetUtcNow());
                await File.WriteAllTextAsync(Path.Combine(modelFolder, "training-report.md"), report, new UTF8Encoding(false));
                Console.WriteLine(report);
                return 0;
            }

            case "evaluate":
            {
                var head = CrisisHead.LoadFile(Path.Combine(modelFolder, "crisis-head.json"), components.Encoder.Fingerprint, components.Encoder.Dimensions);
                var files = args.Length > 1 ? args[1..] : CorpusReader.Files(corpusRoot, "heldout");
                Console.WriteLine(await HeldOutEvaluation.RunAsync(corpusRoot, [.. files], head, components, CancellationToken.None));
                return 0;
            }

            case "train-intents":
            {
                var result = await IntentTraining.RunAsync(IntentExamples.Load(components.ContentRoot), components.Encoder, new IntentTrainerOptions(), CancellationToken.None);
                var folder = Path.Combine(repository, "CompassionBot.Dialogs", "Understanding", "Content");
                var head = JsonSerializer.SerializeToUtf8Bytes(result.Head, IntentHeadJsonContext.Default.IntentHeadFile);
                await File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(IntentHeadFile.RelativePath)), head);
                var report = IntentTrainingReport.Write(result, head, TimeProvider.System.GetUtcNow());
                await File.WriteAllTextAsync(Path.Combine(folder, "intent-training-report.md"), report, new UTF8Encoding(false));
                Console.WriteLine(report);
                return 0;
            }

            case "evaluate-intents":
            {
                var practices = PracticeCatalog.Load(components.ContentRoot);
                var recognizer = IntentRecognizer.Load(
                    components.ContentRoot,
                    [.. practices.All(SupportedLocales.English).Select(p => p.Id)],
                    components.Encoder,
                    InterruptionRecognizer.Load(components.ContentRoot),
                    EngagementDetector.Load(components.ContentRoot),
                    NullLogger<IntentRecognizer>.Instance);
                var files = args.Length > 1 ? args[1..] : CorpusReader.Files(corpusRoot, IntentCorpusReader.Folder);
                var heldOut = await IntentEvaluation.MeasureAsync(corpusRoot, [.. files], recognizer, practices, components.Encoder, CancellationToken.None);
                Console.WriteLine(IntentEvaluation.Report(heldOut));
                return 0;
            }

            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{verb}'. Use 'train' (the default), 'evaluate [files relative to Corpus/]', 'train-intents' or 'evaluate-intents [files relative to Corpus/]'.");
                return 2;
        }
    }
}
