using System.Diagnostics;
using System.Globalization;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Benchmarks;

/// <summary>
/// The semantic layer's cost per message, measured directly: every message of the labelled corpus (distinct texts,
/// cache off, so every call encodes), on 1 and then 2 threads for a fixed time after a warm-up; prints p50 and p99
/// latency per message and messages per second. <c>dotnet run -c Release --project bench/CompassionBot.Benchmarks -- model-latency [seconds]</c>.
/// </summary>
internal static class SemanticLayerLatency
{
    private static MiniLmSentenceEncoder Encoder { get; } = new();

    public static async Task RunAsync(TimeSpan duration)
    {
        var head = CrisisHead.Load(Path.Combine(AppContext.BaseDirectory, "Content"), Encoder.Fingerprint, Encoder.Dimensions);
        using var layer = new SemanticCrisisLayer(head, cacheSize: 0);
        var messages = CorpusTexts();
        Console.WriteLine($"{messages.Count} distinct messages, median {Median(messages.Select(m => m.Length)):0} characters; {Environment.ProcessorCount} processors");
        Console.WriteLine("| Threads | Messages/s | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var threads in new[] { 1, 2 })
        {
            await MeasureAsync(layer, messages, threads, TimeSpan.FromSeconds(5));
            var (rate, p50, p99) = await MeasureAsync(layer, messages, threads, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threads} | {rate:N0} | {p50:F2} | {p99:F2} |"));
        }
    }

    private static async Task<(double Rate, double P50, double P99)> MeasureAsync(SemanticCrisisLayer layer, List<string> messages, int threads, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, threads).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>();
            for (var i = worker; Stopwatch.GetTimestamp() < stopAt; i += threads)
            {
                var message = new MessageUnderstanding(messages[i % messages.Count], Encoder);
                var begun = Stopwatch.GetTimestamp();
                await layer.ScoreAsync(message, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }

            return latencies;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToList();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (all.Count / elapsed, all[all.Count / 2], all[(int)(all.Count * 0.99)]);
    }

    private static List<string> CorpusTexts()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CompassionBot.sln")))
        {
            folder = folder.Parent;
        }

        var corpus = Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("Run inside the repository."), "CompassionBot.Training", "Corpus");
        return [.. Directory.GetFiles(corpus, "*.tsv", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => TextCanonicaliser.Canonicalise(l.Split('\t')[^1].Replace("\\n", "\n", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)];
    }

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
