using CompassionBot.CheckIns;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Safety.Alerts;

namespace CompassionBot.Clinicians;

/// <summary>
/// The <see cref="IClinicianNotifier"/>: queues the notification in the durable clinician-alert outbox, from which the
/// alert dispatcher POSTs it to <c>Safety:AlertWebhookUrl</c> like a crisis alert (retried until delivered), and in the
/// clinician's alert inbox when the enrolment belongs to a client record.
/// </summary>
internal sealed class OutboxClinicianNotifier(
    ICrisisAlertOutbox outbox, CrisisAlertSignal signal, CheckInStore checkIns, ClinicianAlertStore inbox, ILogger<OutboxClinicianNotifier> logger) : IClinicianNotifier
{
    public async Task NotifyAsync(ClinicianNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (await outbox.EnqueueAsync(notification, cancellationToken).ConfigureAwait(false))
        {
            signal.Notify();
        }

        Log.ClinicianNotified(logger, notification.Kind, notification.EnrolmentId, notification.Clinician);

        // The clinician's inbox too, when the enrolment has a client record to show it on.
        if (await checkIns.ClientIdAsync(notification.EnrolmentId, cancellationToken).ConfigureAwait(false) is { } clientId)
        {
            await inbox.AddAsync(new ClinicianAlert(notification.Id, notification.Clinician, clientId, notification.Kind, notification.At), cancellationToken).ConfigureAwait(false);
        }
    }
}
