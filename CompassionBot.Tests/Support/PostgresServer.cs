using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(CompassionBot.Tests.Support.PostgresServer))]

namespace CompassionBot.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests, shared by the whole run. <c>.ci/run</c> starts a throw-away cluster and
/// passes it in <c>COMPASSIONBOT_TEST_POSTGRES</c> (a connection string to its maintenance database); without it,
/// the first test that needs PostgreSQL starts one itself from Debian's <c>postgresql</c> package (installing the
/// package when running as root and it is missing) on a free loopback port, as the <c>postgres</c> user, and stops
/// it when the run ends. Each test gets its own database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "COMPASSIONBOT_TEST_POSTGRES";

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private string? _maintenance;
    private string? _unavailable;
    private string? _ownedDataFolder;
    private string? _binFolder;

    /// <summary>A fresh, empty database on the shared server; dropped when the returned object is disposed.</summary>
    public async Task<TemporaryPostgresDatabase> CreateDatabaseAsync()
    {
        var maintenance = await MaintenanceConnectionStringAsync();
        var name = "cbtest_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(maintenance))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 STRATEGY FILE_COPY", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(maintenance) { Database = name, Pooling = true, MaxPoolSize = 20 };
        return new TemporaryPostgresDatabase(maintenance, name, builder.ConnectionString);
    }

    /// <summary>The server's maintenance connection string, starting the server on first use.</summary>
    public async Task<string> MaintenanceConnectionStringAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_maintenance is null && _unavailable is null)
            {
                await StartAsync();
            }

            if (_unavailable is not null)
            {
                // On CI the server is part of the environment: its absence is a failure, never a skip.
                Assert.False(IsCi, _unavailable);
                Assert.Skip(_unavailable);
            }

            return _maintenance!;
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownedDataFolder is not null && _binFolder is not null)
        {
            await RunAsync(Path.Combine(_binFolder, "pg_ctl"), ["-D", _ownedDataFolder, "-m", "immediate", "-w", "stop"], check: false);
            try
            {
                Directory.Delete(_ownedDataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding a file: the folder is under /tmp and will be cleaned with it.
            }
        }

        _startLock.Dispose();
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsRoot => Environment.UserName == "root";

    private async Task StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            _maintenance = given;
            return;
        }

        _binFolder = FindBinFolder();
        if (_binFolder is null && IsRoot && File.Exists("/usr/bin/apt-get"))
        {
            await RunAsync("/usr/bin/apt-get", ["update", "-qq"], check: false);
            await RunAsync("/usr/bin/apt-get", ["install", "-y", "-qq", "postgresql"], check: false, environment: ("DEBIAN_FRONTEND", "noninteractive"));
            _binFolder = FindBinFolder();
        }

        if (_binFolder is null)
        {
            _unavailable = "PostgreSQL is not installed (apt-get install postgresql) and COMPASSIONBOT_TEST_POSTGRES is not set.";
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), "compassionbot-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            await RunAsync("/bin/chown", ["postgres:postgres", folder]);
        }

        _ownedDataFolder = folder;
        await RunAsync(Path.Combine(_binFolder, "initdb"), ["-D", folder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var port = FreePort();
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        await RunAsync(Path.Combine(_binFolder, "pg_ctl"), ["-D", folder, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        _maintenance = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
    }

    private static string? FindBinFolder()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(c => File.Exists(Path.Combine(c.Folder, "pg_ctl")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Folder)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // As root, PostgreSQL's tools refuse to run: they run as the postgres user instead.
    private static async Task RunAsync(string program, string[] arguments, bool check = true, (string Name, string Value)? environment = null)
    {
        var asPostgres = IsRoot && !program.StartsWith("/usr/bin/apt-get", StringComparison.Ordinal) && !program.StartsWith("/bin/chown", StringComparison.Ordinal);
        var start = new ProcessStartInfo(asPostgres ? "/usr/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
