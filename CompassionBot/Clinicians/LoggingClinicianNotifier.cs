namespace CompassionBot.Clinicians;

/// <summary>The default <see cref="IClinicianNotifier"/>: logs the notification (ids only) until the alert webhook is wired in.</summary>
internal sealed class LoggingClinicianNotifier(ILogger<LoggingClinicianNotifier> logger) : IClinicianNotifier
{
    public Task NotifyAsync(ClinicianNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Log.ClinicianNotified(logger, notification.Kind, notification.EnrolmentId, notification.Clinician);
        return Task.CompletedTask;
    }
}
