using BenchmarkDotNet.Running;

namespace CompassionBot.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/CompassionBot.Benchmarks -- --filter '*'</c>.</summary>
/// <remarks>Namespaced, because the service's own global <c>Program</c> is referenced (DialogTurnBenchmarks).</remarks>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
