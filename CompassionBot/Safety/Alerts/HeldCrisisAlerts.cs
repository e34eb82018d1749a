using System.Collections.Concurrent;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// Clinician alerts of crisis and concern events the store could not record (disk full, database down), held in this
/// process's memory because the outbox is in that same store. Each is POSTed to the webhook at once and, if that fails,
/// again with the outbox's backoff; and each event is recorded as soon as the store takes writes again (tried at every
/// poll, and at once when <see cref="StorageWriteHealth"/> sees a write succeed), then the outbox carries on. An alert
/// already delivered directly is recorded as delivered, so the dispatcher never sends it a second time; one not yet
/// delivered is queued as usual, with the same <c>Idempotency-Key</c> (the event id) as any direct attempt. Held alerts
/// die with the process: stopping with some still held is logged as critical.
/// </summary>
internal sealed class HeldCrisisAlerts(
    IServiceProvider services,
    ICrisisAlertOutbox outbox,
    CrisisAlertSignal dispatcherSignal,
    StorageWriteHealth writes,
    IOptions<CrisisAlertOptions> options,
    TimeProvider time,
    ILogger<HeldCrisisAlerts> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly CrisisAlertSignal _wake = new();

    /// <summary>Holds the alert of <paramref name="crisisEvent"/>, which <paramref name="failure"/> kept from being recorded
    /// (once per event id), and sends it at once.</summary>
    public void Hold(CrisisEvent crisisEvent, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        ArgumentNullException.ThrowIfNull(failure);
        if (_held.TryAdd(crisisEvent.Id, new Held(crisisEvent, time.GetUtcNow())))
        {
            CrisisAlertLog.Held(logger, crisisEvent.Id, options.Value.AlertWebhookUrl is not null, failure);
            _wake.Notify();
        }
    }

    /// <summary>Lets go of the alert of <paramref name="eventId"/>, which was recorded (and queued) after all.</summary>
    public void Release(string eventId) => _held.TryRemove(eventId, out _);

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        writes.Recovered += OnWritesRecovered;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PassAsync(stoppingToken).ConfigureAwait(false);
                    await _wake.WaitAsync(NextWait(), time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    CrisisAlertLog.HeldPassFailed(logger, exception.GetType().Name, exception);
                    await _wake.WaitAsync(options.Value.AlertPollInterval, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            writes.Recovered -= OnWritesRecovered;
            var undelivered = _held.Values.Count(h => h.DeliveredAt is null);
            if (!_held.IsEmpty)
            {
                CrisisAlertLog.HeldLostAtShutdown(logger, _held.Count, undelivered);
            }
        }
    }

    private void OnWritesRecovered(object? sender, EventArgs e) => _wake.Notify();

    // Each alert is sent before its event is recorded, so that a store that has just come back never delays it.
    private async Task PassAsync(CancellationToken cancellationToken)
    {
        if (_held.IsEmpty)
        {
            return;
        }

        var client = options.Value.AlertWebhookUrl is null ? null : services.GetRequiredService<CrisisAlertClient>();
        foreach (var held in _held.Values)
        {
            if (client is not null && held.DeliveredAt is null && held.NextAttemptAt <= time.GetUtcNow())
            {
                await SendAsync(client, held, cancellationToken).ConfigureAwait(false);
            }

            await RecordAsync(held, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(CrisisAlertClient client, Held held, CancellationToken cancellationToken)
    {
        var crisisEvent = held.Event;
        var alert = new CrisisAlert(
            crisisEvent.Id, crisisEvent.OccurredAt, crisisEvent.ChannelId, crisisEvent.ConversationId, crisisEvent.Level, crisisEvent.Rules, held.Attempts, Claim: string.Empty)
        {
            Outcome = crisisEvent.Outcome,
            OutcomeAt = crisisEvent.OutcomeAt,
            EnrolmentId = crisisEvent.EnrolmentId,
            Clinician = crisisEvent.Clinician,
            MessageText = crisisEvent.MessageText,
        };
        try
        {
            await client.SendAsync(alert, cancellationToken).ConfigureAwait(false);
            held.DeliveredAt = time.GetUtcNow();
            CrisisAlertLog.DeliveredDirectly(logger, alert.AlertId, held.Attempts + 1);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            held.Attempts++;
            held.NextAttemptAt = time.GetUtcNow() + options.Value.BackoffAfter(held.Attempts);
            var error = exception is HttpRequestException { StatusCode: { } status } ? "HTTP " + (int)status : exception.GetType().Name;
            CrisisAlertLog.DirectDeliveryFailed(logger, alert.AlertId, held.Attempts, error, held.NextAttemptAt);
        }
    }

    private async Task RecordAsync(Held held, CancellationToken cancellationToken)
    {
        try
        {
            if (held.DeliveredAt is { } deliveredAt)
            {
                await outbox.RecordDeliveredAsync(held.Event, deliveredAt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ((ICrisisEventStore)outbox).RecordAsync(held.Event, cancellationToken).ConfigureAwait(false);
                dispatcherSignal.Notify();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Still no writes; the next poll, or the next write that succeeds elsewhere, tries again.
            writes.RecordFailure();
            return;
        }

        _held.TryRemove(held.Event.Id, out _);
        writes.RecordSuccess();
        CrisisAlertLog.HeldRecorded(logger, held.Event.Id, held.DeliveredAt is not null);
    }

    private TimeSpan NextWait()
    {
        var poll = options.Value.AlertPollInterval;
        if (options.Value.AlertWebhookUrl is null || _held.Values.Where(h => h.DeliveredAt is null).Select(h => (DateTimeOffset?)h.NextAttemptAt).Min() is not { } due)
        {
            return poll;
        }

        var wait = due - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < poll ? wait : poll;
    }

    // Read and changed only by the loop.
    private sealed class Held(CrisisEvent crisisEvent, DateTimeOffset heldAt)
    {
        public CrisisEvent Event { get; } = crisisEvent;

        public int Attempts { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; } = heldAt;

        public DateTimeOffset? DeliveredAt { get; set; }
    }
}
