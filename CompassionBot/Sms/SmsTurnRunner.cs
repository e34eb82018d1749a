using System.Collections.Concurrent;

namespace CompassionBot.Sms;

/// <summary>
/// Runs SMS turns after the webhook has answered Twilio (which gives up after 15 s), logs their failures with ids,
/// and lets graceful shutdown wait for turns in flight.
/// </summary>
internal sealed class SmsTurnRunner(ILogger<SmsTurnRunner> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(string contactId, Func<CancellationToken, Task> turn)
    {
        var task = Task.Run(() => RunLoggedAsync(contactId, turn));
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
            Log.ShutdownWithTurnsRunning(logger, _running.Count);
        }
    }

    private async Task RunLoggedAsync(string contactId, Func<CancellationToken, Task> turn)
    {
#pragma warning disable CA1031 // A background turn must never crash the process; every failure is logged with ids.
        try
        {
            await turn(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.TurnFailed(logger, exception, contactId);
        }
#pragma warning restore CA1031
    }
}
