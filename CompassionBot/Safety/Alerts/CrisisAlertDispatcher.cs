using CompassionBot.Dialogs.Telemetry;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// Delivers queued clinician alerts: at once when one is queued in this process, and at every poll for alerts from
/// other instances or due for retry. A failed delivery is retried with exponential backoff (capped) for as long as it
/// takes; an alert is never dropped. A pass that fails is logged and the loop continues.
/// </summary>
internal sealed class CrisisAlertDispatcher(
    ICrisisAlertOutbox outbox,
    IServiceProvider services,
    CrisisAlertSignal signal,
    IOptions<CrisisAlertOptions> options,
    TimeProvider time,
    ILogger<CrisisAlertDispatcher> logger,
    BotMetrics? metrics = null) : BackgroundService
{
    /// <summary>Alerts claimed per pass.</summary>
    public const int BatchSize = 20;

    /// <summary>Delivers every alert due now; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lease = (settings.AlertTimeout * 3) + (settings.AlertRetryDelay * 4) + TimeSpan.FromSeconds(30);
        var due = await outbox.ClaimDueAsync(time.GetUtcNow(), lease, BatchSize, cancellationToken).ConfigureAwait(false);
        var delivered = 0;

        // A fresh typed client per pass, so the factory can recycle handlers (DNS changes) in a long-lived service.
        var client = services.GetRequiredService<CrisisAlertClient>();
        foreach (var alert in due)
        {
            if (await TryDeliverAsync(client, alert, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AlertWebhookUrl is null)
        {
            CrisisAlertLog.NoWebhook(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                var wait = await NextWaitAsync(stoppingToken).ConfigureAwait(false);
                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                CrisisAlertLog.PassFailed(logger, exception.GetType().Name, exception);
                await signal.WaitAsync(options.Value.AlertPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> TryDeliverAsync(CrisisAlertClient client, CrisisAlert alert, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(alert, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = alert.Attempts + 1;
            var next = time.GetUtcNow() + options.Value.BackoffAfter(attempts);
            var error = exception is HttpRequestException { StatusCode: { } status } ? "HTTP " + (int)status : exception.GetType().Name;
            metrics?.RecordAlertDelivery(BotMetrics.Failed);
            await outbox.MarkFailedAsync(alert.EventId, next, error, cancellationToken).ConfigureAwait(false);
            CrisisAlertLog.DeliveryFailed(logger, alert.EventId, attempts, error, next);
            return false;
        }

        metrics?.RecordAlertDelivery(BotMetrics.Delivered);
        await outbox.MarkDeliveredAsync(alert.EventId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        CrisisAlertLog.Delivered(logger, alert.EventId, alert.Attempts + 1);
        return true;
    }

    private async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken)
    {
        var poll = options.Value.AlertPollInterval;
        if (await outbox.NextDueAsync(cancellationToken).ConfigureAwait(false) is not { } due)
        {
            return poll;
        }

        var wait = due - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < poll ? wait : poll;
    }
}
