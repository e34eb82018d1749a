using System.Diagnostics;
using System.Globalization;

namespace CompassionBot.LoadTest;

/// <summary>
/// A plain run cut into windows (<c>--timeline 5</c>), warm-up included: turns/s and p99 of the turns that ended in
/// each window, and the service's and load generator's CPU per turn. Shows whether a run stays steady or drifts (the
/// JIT's tiers during warm-up, a machine that slows down under sustained load).
/// </summary>
internal sealed class RunTimeline
{
    private readonly List<(long At, TimeSpan Service, TimeSpan Load)> _samples = [];

    public static RunTimeline Start(IReadOnlyList<Process> services, TimeSpan window, Task run)
    {
        var timeline = new RunTimeline();
        timeline.Sample(services);
        timeline.Sampling = Task.Run(async () =>
        {
            while (await Task.WhenAny(run, Task.Delay(window)).ConfigureAwait(false) != run)
            {
                timeline.Sample(services);
            }

            timeline.Sample(services); // the last window, cut short by the end of the run
        });
        return timeline;
    }

    public Task Sampling { get; private set; } = Task.CompletedTask;

    /// <summary>One line per window, for turns given as (end timestamp, latency in ms).</summary>
    public IEnumerable<string> Describe(IReadOnlyList<(long EndedAt, double LatencyMs)> turns)
    {
        for (var i = 1; i < _samples.Count; i++)
        {
            var (from, serviceFrom, loadFrom) = _samples[i - 1];
            var (to, serviceTo, loadTo) = _samples[i];
            var latencies = turns.Where(t => t.EndedAt >= from && t.EndedAt < to).Select(t => t.LatencyMs).Order().ToArray();
            if (latencies.Length == 0 && i == _samples.Count - 1)
            {
                yield break; // the run ended on a window's edge: the last "window" is only the moment after it
            }

            var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
            var start = Stopwatch.GetElapsedTime(_samples[0].At, from).TotalSeconds;
            var p99 = LoadResult.Percentile(latencies, 99);
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"  {start,5:0}–{start + seconds,3:0} s: {latencies.Length / seconds,6:0} turns/s, p99 {p99,6:0.00} ms, " +
                $"service {PerTurn(serviceTo - serviceFrom, latencies.Length),4:0} µs/turn, load generator {PerTurn(loadTo - loadFrom, latencies.Length),4:0} µs/turn");
        }
    }

    private static double PerTurn(TimeSpan cpu, int turns) => turns == 0 ? double.NaN : cpu.TotalMilliseconds * 1000 / turns;

    private void Sample(IReadOnlyList<Process> services) => _samples.Add((Stopwatch.GetTimestamp(), ProcessCpu.Total(services), ProcessCpu.Current()));
}
