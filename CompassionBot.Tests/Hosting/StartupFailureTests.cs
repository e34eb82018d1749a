using System.Net;
using System.Net.Sockets;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Hosting;

/// <summary>The real executable when it cannot start: one logged reason, exit code 1, background services stopped.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Start_PortAlreadyInUse_ExitsWithOneReasonAndStopsBackgroundServicesCleanly()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var (exitCode, output) = await ServiceProcess.RunExpectingStartupFailureAsync(
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Memory",
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{port}",
            },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.Contains("address already in use", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
