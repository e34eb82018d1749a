using BenchmarkDotNet.Running;

namespace CompassionBot.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/CompassionBot.Benchmarks -- --filter '*'</c>, or
/// <c>-- model-latency [seconds]</c> for the semantic layer's latency per message on 1 and 2 threads.</summary>
/// <remarks>Namespaced, because the service's own global <c>Program</c> is referenced (DialogTurnBenchmarks).</remarks>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "model-latency")
        {
            var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
            await SemanticLayerLatency.RunAsync(TimeSpan.FromSeconds(seconds));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
