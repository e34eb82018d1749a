namespace CompassionBot.Safety.Alerts;

/// <summary>
/// The durable queue of clinician alerts that <see cref="Dialogs.Safety.ICrisisEventStore.RecordAsync"/> fills. An alert
/// leaves the queue only when delivered; a claim is a lease, so an instance that dies mid-delivery loses nothing.
/// </summary>
internal interface ICrisisAlertOutbox
{
    /// <summary>
    /// Up to <paramref name="max"/> undelivered alerts due at <paramref name="now"/>, oldest due first, each leased until
    /// <paramref name="now"/> + <paramref name="lease"/> (other instances skip them meanwhile).
    /// </summary>
    Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Marks the alert delivered; it will not be sent again.</summary>
    Task MarkDeliveredAsync(string eventId, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and schedules the next one at <paramref name="nextAttemptAt"/>.</summary>
    /// <param name="eventId">The alert.</param>
    /// <param name="nextAttemptAt">When to try again.</param>
    /// <param name="error">The exception type or HTTP status; never message text.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkFailedAsync(string eventId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>When the earliest undelivered alert is due, or null when none is waiting.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
