using System.Diagnostics;
using CompassionBot.LoadTest;
using CompassionBot.Tests.Support;

// Drives whole Self-Compassion Break conversations against the real service (its build output, run as a separate
// process on a fresh SQLite file) and prints turns/s, p50/p99 latency and the service's peak memory.
// dotnet run -c Release --project bench/CompassionBot.LoadTest -- --mode both --concurrency 32 --warmup 5 --duration 20
var options = LoadOptions.Parse(args);
var executable = options.Service ?? ServiceProcess.LocateExecutable(configuration: "Release");
Console.WriteLine($"Service: {executable}");
var results = new List<LoadResult>();
foreach (var mode in options.Modes)
{
    results.Add(await RunModeAsync(mode));
    Console.WriteLine(results[^1].Describe());
}

Console.WriteLine();
Console.WriteLine("| Delivery | Concurrent conversations | Turns/s | p50 (ms) | p99 (ms) | Errors | Service peak RSS (MB) | Service CPU | Load generator CPU |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var result in results)
{
    Console.WriteLine(result.MarkdownRow());
}

return results.Any(r => r.Errors > 0) ? 1 : 0;

async Task<LoadResult> RunModeAsync(string mode)
{
    var folder = Directory.CreateTempSubdirectory("compassionbot-load-");
    try
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder.FullName, "bench.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        await using var service = await ServiceProcess.StartAsync(environment, executable);
        await using var sink = mode == LoadOptions.Normal ? await ConnectorSink.StartAsync() : null;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var expected = await LoadDriver.CalibrateAsync(http);
        var driver = new LoadDriver(http, sink, expected);

        using var serviceProcess = Process.GetProcessById(service.ProcessId);
        var warmupDone = Task.Delay(options.Warmup);
        var run = driver.RunAsync(options.Concurrency, options.Warmup, options.Duration);
        await warmupDone;
        serviceProcess.Refresh();
        var serviceCpuStart = serviceProcess.TotalProcessorTime;
        var loadCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = await run;
        serviceProcess.Refresh();
        var serviceCpu = serviceProcess.TotalProcessorTime - serviceCpuStart;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - loadCpuStart;
        return new LoadResult(mode, options.Concurrency, options.Duration, latencies, driver.Errors, service.PeakWorkingSetBytes(), serviceCpu, loadCpu);
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}
