using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CompassionBot.Tests.Deployment;

/// <summary>
/// The Bicep compiler from the <c>Azure.Bicep.CommandLine.linux-x64</c> package (restored with the test project; the
/// csproj records its folder). It exists for linux-x64 only: elsewhere <see cref="Path"/> is null and the tests that
/// need it skip. Snapshots use fixed placeholder ids so that they are reproducible (<see cref="SnapshotArguments"/>).
/// </summary>
internal static class BicepCli
{
    /// <summary>Value given to the <c>POSTGRES_ADMIN_PASSWORD</c> variable the parameters files read.</summary>
    public const string PlaceholderAdminPassword = "placeholder-for-snapshots-only";

    /// <summary>Deployment scope of the committed snapshots (placeholders, not a real subscription).</summary>
    public static readonly IReadOnlyList<string> SnapshotArguments =
    [
        "--subscription-id", "00000000-0000-0000-0000-000000000001",
        "--resource-group", "rg-compassionbot",
        "--location", "eastus",
        "--tenant-id", "00000000-0000-0000-0000-000000000002",
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The executable, or null on a platform the package does not serve.</summary>
    public static string? Path { get; } = Locate();

    /// <summary>Runs <c>bicep snapshot</c> on <paramref name="parametersFile"/> (overwrite or validate).</summary>
    public static Task<BicepResult> SnapshotAsync(string parametersFile, string mode, CancellationToken cancellationToken) =>
        RunAsync(["snapshot", parametersFile, "--mode", mode, .. SnapshotArguments], cancellationToken);

    /// <summary>Runs the compiler with <paramref name="arguments"/>.</summary>
    public static async Task<BicepResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path ?? throw new InvalidOperationException("The Bicep CLI is not available on this platform.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POSTGRES_ADMIN_PASSWORD"] = PlaceholderAdminPassword;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepResult(process.ExitCode, await output + await error);
    }

    private static string? Locate()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return null;
        }

        var package = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCommandLinePackage").Value;
        return string.IsNullOrEmpty(package) ? null : System.IO.Path.Combine(package, "tools", "bicep");
    }
}
