using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace CompassionBot.Tests.Support;

/// <summary>
/// The real executable (<c>dotnet CompassionBot.dll</c> from CompassionBot's own build output) in a child process,
/// listening on 127.0.0.1 with a port the OS picks. Settings go in as environment variables
/// (<c>ConnectionStrings__Sqlite</c>, ...). <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// Also used by <c>bench/CompassionBot.LoadTest</c> (linked source), so it depends on nothing from xunit.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    private ServiceProcess(Process process) => _process = process;

    /// <summary>http://127.0.0.1:{port}/ once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The child's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// CompassionBot.dll in <c>CompassionBot/bin/{configuration}/{tfm}/</c> of the repository that contains
    /// <paramref name="from"/> (default: this assembly's folder); configuration and framework default to this
    /// assembly's own.
    /// </summary>
    public static string LocateExecutable(string? configuration = null, string? from = null)
    {
        var baseDirectory = from ?? AppContext.BaseDirectory;
        configuration ??= typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        for (var directory = new DirectoryInfo(baseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CompassionBot.sln")))
            {
                var path = Path.Combine(directory.FullName, "CompassionBot", "bin", configuration, framework, "CompassionBot.dll");
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"Build CompassionBot ({configuration}) first: {path} does not exist.", path);
            }
        }

        throw new DirectoryNotFoundException($"No CompassionBot.sln above {baseDirectory}.");
    }

    /// <summary>
    /// Starts <paramref name="executable"/> (default <see cref="LocateExecutable"/>) with <paramref name="environment"/>
    /// in <paramref name="workingDirectory"/> (default: the executable's folder) and waits until Kestrel listens.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        IReadOnlyDictionary<string, string> environment, string? executable = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var service = Launch(environment, executable, workingDirectory);
        try
        {
            service.BaseAddress = await service._listening.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The service did not start: {exception.Message}\n{service.Output}", exception);
        }

        return service;
    }

    /// <summary>
    /// Starts <paramref name="executable"/> expecting it to refuse to start (bad settings, broken content) and waits
    /// for it to exit; returns its exit code and everything it printed. Throws if it listens instead.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunExpectingStartupFailureAsync(
        IReadOnlyDictionary<string, string> environment, string? executable = null, CancellationToken cancellationToken = default)
    {
        await using var service = Launch(environment, executable, workingDirectory: null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = service._process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(exited, service._listening.Task).ConfigureAwait(false) != exited
            && service._listening.Task.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException($"The service started although it was expected to refuse:\n{service.Output}");
        }

        // Also waits for the redirected output to reach its end, so nothing the process printed is missed.
        await exited.ConfigureAwait(false);
        return (service._process.ExitCode, service.Output);
    }

    private static ServiceProcess Launch(IReadOnlyDictionary<string, string> environment, string? executable, string? workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // The child runs in another folder, so a path relative to ours would not be found there.
        executable = Path.GetFullPath(executable ?? LocateExecutable());
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(executable);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");

        // The "Now listening on" line is how the port is learnt, whatever the default log level.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => service.OnOutput(e.Data);
        process.Exited += (_, _) => service._listening.TrySetException(new InvalidOperationException("The service exited before listening."));
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Completes when the process has written a line containing <paramref name="text"/> (at once if it already has).</summary>
    public Task WaitForOutputAsync(string text, CancellationToken cancellationToken = default)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _awaited.Add((text, seen));
        }

        return seen.Task.WaitAsync(StartTimeout, cancellationToken);
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>SIGKILL without waiting.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Peak resident set size of the process so far (Linux <c>VmHWM</c>), or null where unavailable.</summary>
    public long? PeakWorkingSetBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kilobytes * 1024;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.AppendLine(line);
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
