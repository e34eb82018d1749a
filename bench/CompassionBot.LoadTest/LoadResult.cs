using System.Globalization;

namespace CompassionBot.LoadTest;

/// <summary>What one measured run produced.</summary>
internal sealed record LoadResult(
    string Mode, int Concurrency, TimeSpan Duration, double[] LatenciesMs, int Errors, long? PeakServiceMemoryBytes, TimeSpan ServiceCpu, TimeSpan LoadCpu)
{
    public double TurnsPerSecond => LatenciesMs.Length / Duration.TotalSeconds;

    public double Percentile(double p) => Percentile([.. LatenciesMs.Order()], p);

    /// <summary>The <paramref name="p"/>th percentile (nearest rank) of <paramref name="sorted"/> latencies, NaN for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Mode,-13} {Concurrency} conversations, {Duration.TotalSeconds:0}s: {LatenciesMs.Length} turns, {TurnsPerSecond:0} turns/s, " +
        $"p50 {Percentile(50):0.00} ms, p90 {Percentile(90):0.00} ms, p99 {Percentile(99):0.00} ms, p99.9 {Percentile(99.9):0.00} ms, max {(LatenciesMs.Length == 0 ? 0 : LatenciesMs.Max()):0.0} ms, errors {Errors}, " +
        $"service peak RSS {(PeakServiceMemoryBytes ?? 0) / 1048576.0:0} MB, service CPU {ServiceCpu.TotalSeconds / Duration.TotalSeconds * 100:0}% ({CpuPerTurn(ServiceCpu):0} µs/turn), " +
        $"load generator CPU {LoadCpu.TotalSeconds / Duration.TotalSeconds * 100:0}% ({CpuPerTurn(LoadCpu):0} µs/turn) (of one core)");

    private double CpuPerTurn(TimeSpan cpu) => LatenciesMs.Length == 0 ? double.NaN : cpu.TotalMilliseconds * 1000 / LatenciesMs.Length;

    public string MarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Mode} | {Concurrency} | {TurnsPerSecond:0} | {Percentile(50):0.00} | {Percentile(99):0.00} | {Errors} | {(PeakServiceMemoryBytes ?? 0) / 1048576.0:0} | {ServiceCpu.TotalSeconds / Duration.TotalSeconds * 100:0} % | {LoadCpu.TotalSeconds / Duration.TotalSeconds * 100:0} % |");
}
