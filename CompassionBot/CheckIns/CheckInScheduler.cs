using Microsoft.Extensions.Options;

namespace CompassionBot.CheckIns;

/// <summary>Looks for due check-ins every <see cref="CheckInOptions.PollInterval"/> (on the injected <see cref="TimeProvider"/>).</summary>
internal sealed class CheckInScheduler(CheckInDispatcher dispatcher, IOptions<CheckInOptions> options, TimeProvider timeProvider, ILogger<CheckInScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, timeProvider);
        do
        {
#pragma warning disable CA1031 // The scheduler must outlive a failing database call; it logs and tries again next tick.
            try
            {
                await dispatcher.RunDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SchedulerTickFailed(logger, ex);
            }
#pragma warning restore CA1031
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
