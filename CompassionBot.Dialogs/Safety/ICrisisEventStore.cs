namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The crisis audit log. Recording an event also queues its clinician alert in the same write (a durable outbox), so
/// an event is never recorded without its alert, and an alert survives a restart until delivered.
/// </summary>
public interface ICrisisEventStore
{
    /// <summary>Records <paramref name="crisisEvent"/> and queues its alert; a second call with the same id does nothing.</summary>
    /// <returns>True when recorded now, false when an event with that id already existed.</returns>
    Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken);

    /// <summary>Records what happened after the event <paramref name="eventId"/> (the latest outcome wins) and, for any
    /// outcome but <see cref="CrisisOutcome.LineGiven"/>, queues an alert telling the clinician, in the same write (once per
    /// event and outcome); an unknown id changes nothing.</summary>
    Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The events of one conversation, oldest first.</summary>
    Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
