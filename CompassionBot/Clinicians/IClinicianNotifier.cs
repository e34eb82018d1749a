namespace CompassionBot.Clinicians;

/// <summary>Tells a clinician about a <see cref="ClinicianNotification"/> (the alert webhook implements this).</summary>
public interface IClinicianNotifier
{
    /// <summary>Delivers <paramref name="notification"/>; the record is already stored in <c>clinician_notifications</c>.</summary>
    Task NotifyAsync(ClinicianNotification notification, CancellationToken cancellationToken);
}
