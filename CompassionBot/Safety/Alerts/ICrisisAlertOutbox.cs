using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Safety.Alerts;

/// <summary>
/// The durable queue of clinician alerts: <see cref="Dialogs.Safety.ICrisisEventStore.RecordAsync"/> queues an event's own
/// alert, <see cref="Dialogs.Safety.ICrisisEventStore.RecordOutcomeAsync"/> an alert with each outcome recorded after it
/// (<see cref="CrisisAlertKinds.Outcome"/>), and <see cref="EnqueueAsync"/> notifications. An alert leaves the queue only
/// when delivered. A claim is a lease held by one instance: other instances skip the alert until
/// the lease runs out, so an instance that dies mid-delivery loses nothing and a live one is not doubled.
/// </summary>
internal interface ICrisisAlertOutbox
{
    /// <summary>
    /// Queues <paramref name="notification"/>, due at once; its <see cref="ClinicianNotification.Id"/> is the alert's key
    /// (<c>Idempotency-Key</c>), and a second call with the same id does nothing.
    /// </summary>
    /// <returns>True when queued now, false when an alert with that id already existed.</returns>
    Task<bool> EnqueueAsync(ClinicianNotification notification, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="crisisEvent"/> with its own alert already delivered at <paramref name="deliveredAt"/> (sent
    /// straight to the webhook while the store took no writes: <see cref="HeldCrisisAlerts"/>), in one write, so that it is
    /// on record and never sent again; a second call with the same id does nothing.
    /// </summary>
    /// <returns>True when recorded now, false when an event with that id already existed (its alert is left as it is).</returns>
    Task<bool> RecordDeliveredAsync(CrisisEvent crisisEvent, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> undelivered alerts due at <paramref name="now"/> that no live lease holds,
    /// oldest due first, each leased to this claim until <paramref name="now"/> + <paramref name="lease"/>. Instances
    /// claiming at the same moment never get the same alert.
    /// </summary>
    Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Marks the alert delivered (it will not be sent again), if <paramref name="alert"/>'s claim still holds it.</summary>
    /// <returns>False when another claim took the alert over after this one's lease ran out (nothing is changed).</returns>
    Task<bool> MarkDeliveredAsync(CrisisAlert alert, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a failed attempt, releases the claim and schedules the next attempt at <paramref name="nextAttemptAt"/>,
    /// if <paramref name="alert"/>'s claim still holds the alert.
    /// </summary>
    /// <param name="alert">The alert as claimed.</param>
    /// <param name="nextAttemptAt">When to try again.</param>
    /// <param name="error">The exception type or HTTP status; never message text.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when another claim took the alert over (nothing is changed).</returns>
    Task<bool> MarkFailedAsync(CrisisAlert alert, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>
    /// When the earliest undelivered alert can next be claimed (its due time, or the end of the lease holding it), or
    /// null when none is waiting.
    /// </summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
