using System.Diagnostics;
using CompassionBot.LoadTest;
using CompassionBot.Tests.Support;

// Drives whole Self-Compassion Break conversations against the real service (its build output, run as separate
// processes: one on a fresh SQLite file, or --instances N on the --postgres database) and prints turns/s, p50/p99
// latency and the services' peak memory.
// dotnet run -c Release --project bench/CompassionBot.LoadTest -- --mode both --concurrency 32 --warmup 30 --duration 20
// ... -- --mode both --instances 2 --postgres "Host=127.0.0.1;Port=55432;Username=postgres;Database=bench"
// ... -- --mode normal --compare "before=/tmp/before/CompassionBot.dll;after=CompassionBot/bin/Release/net10.0/CompassionBot.dll"
// ... -- --mode normal --timeline 5   (turns/s, p99 and CPU per turn for every 5 s of the run, warm-up included)
var options = LoadOptions.Parse(args);
var executable = options.Service ?? ServiceProcess.LocateExecutable(configuration: "Release");
var results = new List<LoadResult>();
if (options.Compare is { } variants)
{
    Console.WriteLine($"Interleaved comparison, {options.Slices} slices of {options.Slice.TotalSeconds:0} s each: {string.Join(", ", variants.Select(v => $"{v.Label} = {v.Service}"))}");
    results.AddRange(await InterleavedComparison.RunAsync(options, options.Modes[0]));
    results.ForEach(r => Console.WriteLine(r.Describe()));
}
else
{
    Console.WriteLine($"Service: {executable}");
    foreach (var mode in options.Modes)
    {
        results.Add(await RunModeAsync(mode));
        Console.WriteLine(results[^1].Describe());
    }
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
        var environment = ServiceEnvironment.ForFolder(folder);
        if (options.Postgres is { } postgres)
        {
            environment["Storage__Provider"] = "Postgres";
            environment["ConnectionStrings__Postgres"] = postgres;
        }
        else if (options.Instances != 1)
        {
            throw new ArgumentException("Several instances need a shared database: pass --postgres.");
        }

        var services = new List<ServiceProcess>();
        var clients = new List<HttpClient>();
        try
        {
            for (var i = 0; i < options.Instances; i++)
            {
                services.Add(await ServiceProcess.StartAsync(environment, executable));
                clients.Add(LoadClients.For(services[^1].BaseAddress));
            }

            await using var sink = mode == LoadOptions.Normal ? await ConnectorSink.StartAsync() : null;
            var expected = await LoadDriver.CalibrateAsync(clients[0]);
            var driver = new LoadDriver(clients, sink, expected, options.UniqueText);

            var processes = services.Select(s => Process.GetProcessById(s.ProcessId)).ToList();
            var warmupDone = Task.Delay(options.Warmup);
            var run = driver.RunAsync(options.Concurrency, options.Warmup, options.Duration);
            var timeline = options.Timeline is { } window ? RunTimeline.Start(processes, window, run) : null;
            await warmupDone;
            var serviceCpuStart = ProcessCpu.Total(processes);
            var loadCpuStart = ProcessCpu.Current();
            var latencies = await run;
            var serviceCpu = ProcessCpu.Total(processes) - serviceCpuStart;
            var loadCpu = ProcessCpu.Current() - loadCpuStart;
            if (services.Count > 1)
            {
                Console.WriteLine($"Turns per instance (warm-up included): {string.Join(", ", driver.TurnsPerInstance)}");
            }

            if (timeline is not null)
            {
                await timeline.Sampling;
                Console.WriteLine($"{mode}, by window (warm-up included):");
                foreach (var line in timeline.Describe(driver.AllTurns))
                {
                    Console.WriteLine(line);
                }
            }

            processes.ForEach(p => p.Dispose());
            return new LoadResult(mode, options.Concurrency, options.Duration, latencies, driver.Errors, services.Max(s => s.PeakWorkingSetBytes()), serviceCpu, loadCpu);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}
