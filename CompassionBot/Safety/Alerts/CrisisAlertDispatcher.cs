using CompassionBot.Dialogs.Telemetry;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// Delivers queued clinician alerts: at once when one is queued in this process, and at every poll for alerts from
/// other instances or due for retry. A failed delivery is retried with exponential backoff (capped) for as long as it
/// takes; an alert is never dropped. A pass that fails is logged and the loop continues. Every instance on a shared
/// database runs one: an alert is leased to one claim at a time, and only that claim may mark it delivered.
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
    /// <summary>Most alerts delivered per pass (the loop starts another pass at once while more are due).</summary>
    public const int BatchSize = 20;

    /// <summary>
    /// Delivers alerts due now, claiming them one at a time so each lease covers a single delivery: an alert never waits
    /// out its lease behind other deliveries, and an instance that dies holds at most one alert back. Returns how many
    /// were delivered.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var lease = LeaseFor(options.Value);
        var delivered = 0;

        // A fresh typed client per pass, so the factory can recycle handlers (DNS changes) in a long-lived service.
        var client = services.GetRequiredService<CrisisAlertClient>();
        for (var i = 0; i < BatchSize; i++)
        {
            var claimed = await outbox.ClaimDueAsync(time.GetUtcNow(), lease, 1, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                break;
            }

            if (await TryDeliverAsync(client, claimed[0], cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>
    /// How long a claim holds an alert: longer than one delivery can take (three attempts with their timeouts and
    /// retry delays) plus a margin, so a live instance keeps its claim, and short enough that an alert held by an
    /// instance that died is sent by another within about a minute (with the default settings).
    /// </summary>
    public static TimeSpan LeaseFor(CrisisAlertOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.AlertTimeout * 3) + (settings.AlertRetryDelay * 4) + TimeSpan.FromSeconds(30);
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
            if (await outbox.MarkFailedAsync(alert, next, error, cancellationToken).ConfigureAwait(false))
            {
                CrisisAlertLog.DeliveryFailed(logger, alert.AlertId, attempts, error, next);
            }
            else
            {
                CrisisAlertLog.ClaimLost(logger, alert.AlertId, error);
            }

            return false;
        }

        metrics?.RecordAlertDelivery(BotMetrics.Delivered);
        if (!await outbox.MarkDeliveredAsync(alert, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            // Our lease ran out mid-delivery and another instance took the alert over; it may send it again with the
            // same Idempotency-Key, which lets the receiver drop the repeat.
            CrisisAlertLog.DeliveredAfterClaimLost(logger, alert.AlertId);
            return false;
        }

        CrisisAlertLog.Delivered(logger, alert.AlertId, alert.Attempts + 1);
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
