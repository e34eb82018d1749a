using CompassionBot.Safety.Alerts;

namespace CompassionBot.Clinicians;

/// <summary>
/// The <see cref="IClinicianNotifier"/>: queues the notification in the durable clinician-alert outbox, from which the
/// alert dispatcher POSTs it to <c>Safety:AlertWebhookUrl</c> like a crisis alert (retried until delivered).
/// </summary>
internal sealed class OutboxClinicianNotifier(ICrisisAlertOutbox outbox, CrisisAlertSignal signal, ILogger<OutboxClinicianNotifier> logger) : IClinicianNotifier
{
    public async Task NotifyAsync(ClinicianNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (await outbox.EnqueueAsync(notification, cancellationToken).ConfigureAwait(false))
        {
            signal.Notify();
        }

        Log.ClinicianNotified(logger, notification.Kind, notification.EnrolmentId, notification.Clinician);
    }
}
