namespace CompassionBot.Clinicians;

/// <summary>Tells a clinician about a <see cref="ClinicianNotification"/> (through the durable clinician-alert outbox).</summary>
public interface IClinicianNotifier
{
    /// <summary>Queues <paramref name="notification"/> for delivery; the record is already stored in <c>clinician_notifications</c>.</summary>
    Task NotifyAsync(ClinicianNotification notification, CancellationToken cancellationToken);
}
