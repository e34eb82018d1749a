using System.Collections.Concurrent;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Hosting;

/// <summary>
/// Runs turns after a channel's inbound request has been acknowledged (Bot Framework normal delivery within 15 s,
/// Twilio's webhook), logs their failures with ids (never text or phone numbers), and lets graceful shutdown wait
/// for turns in flight.
/// </summary>
public sealed class BackgroundTurnRunner(ILogger<BackgroundTurnRunner> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Starts <paramref name="turn"/> for <paramref name="activity"/> without waiting for it.</summary>
    public void Run(Activity activity, Func<CancellationToken, Task> turn)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(turn);
        var task = Task.Run(() => RunLoggedAsync(activity, turn));
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every turn started so far has finished.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            HostingLog.ShutdownWithTurnsRunning(logger, _running.Count);
        }
    }

    private async Task RunLoggedAsync(Activity activity, Func<CancellationToken, Task> turn)
    {
        ForgetUnrecordedTrace();
#pragma warning disable CA1031 // A background turn must never crash the process; every failure is logged with ids.
        try
        {
            await turn(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            HostingLog.BackgroundTurnFailed(logger, exception, activity.ChannelId, activity.Conversation?.Id, activity.Id);
        }
#pragma warning restore CA1031
    }

    // ASP.NET Core starts an Activity for every request so that logs can be correlated, whether or not anyone records
    // a trace. Carried into the turn, it makes HttpClient start a child Activity and send a traceparent on every reply
    // to the Connector: work and header bytes for a trace nobody keeps. A recorded trace (OpenTelemetry export on, or a
    // sampled caller) is continued.
    private static void ForgetUnrecordedTrace()
    {
        if (System.Diagnostics.Activity.Current is { Recorded: false })
        {
            System.Diagnostics.Activity.Current = null;
        }
    }
}
