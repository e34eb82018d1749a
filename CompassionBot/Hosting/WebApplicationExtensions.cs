namespace CompassionBot.Hosting;

/// <summary>Runs the service (the default verb).</summary>
internal static class WebApplicationExtensions
{
    /// <summary>Exit code when the service refuses to start (invalid settings, broken content, unreachable database).</summary>
    public const int StartupFailedExitCode = 1;

    /// <summary>
    /// Runs until shutdown. A start that fails has already been logged by the host ("Hosting failed to start", with
    /// the reason naming the setting or file), so it ends the process with <see cref="StartupFailedExitCode"/>
    /// rather than a second, unhandled-exception report and an abort.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception) when (!app.Lifetime.ApplicationStarted.IsCancellationRequested)
        {
            await StopAfterFailedStartAsync(app).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return StartupFailedExitCode;
        }

        try
        {
            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// Background services that had started before the failure stop as in a normal shutdown. A host that failed
    /// before it had its hosted services cannot stop (its StopAsync throws); there is nothing to stop then, and the
    /// reason it failed is already logged.
    /// </summary>
    private static async Task StopAfterFailedStartAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        catch (ArgumentNullException)
        {
            // Host.StopAsync with no hosted services resolved.
        }
    }
}
