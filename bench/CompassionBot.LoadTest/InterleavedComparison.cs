using System.Diagnostics;
using CompassionBot.Tests.Support;

namespace CompassionBot.LoadTest;

/// <summary>
/// Compares builds or settings on a machine whose speed drifts by tens of percent within minutes (see BENCHMARKS.md).
/// Every variant's service is started and warmed up first and stays up; then the variants take turns in short slices,
/// the order reversed every other slice, so a change in the machine's speed falls on all of them alike. Each variant's
/// result covers all its slices: turns/s, latency percentiles, and service and load-generator CPU per turn.
/// </summary>
internal static class InterleavedComparison
{
    // Turns still in flight from the previous slice's variant finish within this, and are not measured.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(LoadOptions options, string mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        var variants = options.Compare ?? throw new ArgumentException("No variants to compare.", nameof(options));
        var running = new List<RunningVariant>();
        try
        {
            foreach (var variant in variants)
            {
                running.Add(await RunningVariant.StartAsync(variant));
            }

            await using var sink = mode == LoadOptions.Normal ? await ConnectorSink.StartAsync() : null;
            var expected = await LoadDriver.CalibrateAsync(running[0].Client);
            foreach (var variant in running)
            {
                await new LoadDriver([variant.Client], sink, expected, options.UniqueText).RunAsync(options.Concurrency, options.Warmup, TimeSpan.Zero);
            }

            for (var slice = 0; slice < options.Slices; slice++)
            {
                foreach (var variant in slice % 2 == 0 ? running : Enumerable.Reverse(running))
                {
                    await variant.MeasureSliceAsync(new LoadDriver([variant.Client], sink, expected, options.UniqueText), options.Concurrency, options.Slice);
                }
            }

            return [.. running.Select(v => v.Result(mode, options.Concurrency, options.Slice * options.Slices))];
        }
        finally
        {
            foreach (var variant in running)
            {
                await variant.DisposeAsync();
            }
        }
    }

    private sealed class RunningVariant : IAsyncDisposable
    {
        private readonly List<double> _latencies = [];
        private DirectoryInfo _folder = null!;
        private TimeSpan _serviceCpu;
        private TimeSpan _loadCpu;
        private int _errors;

        private RunningVariant(ComparedVariant variant) => Variant = variant;

        public ComparedVariant Variant { get; }

        public ServiceProcess Service { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public static async Task<RunningVariant> StartAsync(ComparedVariant variant)
        {
            var running = new RunningVariant(variant) { _folder = Directory.CreateTempSubdirectory("compassionbot-compare-") };
            var environment = ServiceEnvironment.ForFolder(running._folder);
            foreach (var (key, value) in variant.Environment)
            {
                environment[key] = value;
            }

            try
            {
                running.Service = await ServiceProcess.StartAsync(environment, variant.Service);
            }
            catch
            {
                running._folder.Delete(recursive: true);
                throw;
            }

            running.Client = LoadClients.For(running.Service.BaseAddress);
            return running;
        }

        public async Task MeasureSliceAsync(LoadDriver driver, int concurrency, TimeSpan slice)
        {
            using var process = Process.GetProcessById(Service.ProcessId);
            var run = driver.RunAsync(concurrency, Settle, slice);
            await Task.Delay(Settle);
            var serviceStart = ProcessCpu.Total([process]);
            var loadStart = ProcessCpu.Current();
            _latencies.AddRange(await run);
            _serviceCpu += ProcessCpu.Total([process]) - serviceStart;
            _loadCpu += ProcessCpu.Current() - loadStart;
            _errors += driver.Errors;
        }

        public LoadResult Result(string mode, int concurrency, TimeSpan measured) =>
            new($"{Variant.Label} ({mode})", concurrency, measured, [.. _latencies], _errors, Service.PeakWorkingSetBytes(), _serviceCpu, _loadCpu);

        public async ValueTask DisposeAsync()
        {
            Client?.Dispose();
            if (Service is not null)
            {
                await Service.DisposeAsync();
            }

            _folder.Delete(recursive: true);
        }
    }
}
