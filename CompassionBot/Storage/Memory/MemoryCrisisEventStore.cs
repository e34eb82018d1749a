using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;

namespace CompassionBot.Storage.Memory;

/// <summary>Crisis events and their alert outbox in memory (Storage:Provider=Memory: development and tests; lost on restart).</summary>
internal sealed class MemoryCrisisEventStore : ICrisisEventStore, ICrisisAlertOutbox
{
    private readonly Lock _lock = new();
    private readonly List<CrisisEvent> _events = [];
    private readonly Dictionary<string, OutboxEntry> _outbox = new(StringComparer.Ordinal);

    public Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken) => Task.FromResult(Record(crisisEvent, deliveredAt: null));

    public Task<bool> RecordDeliveredAsync(CrisisEvent crisisEvent, DateTimeOffset deliveredAt, CancellationToken cancellationToken) =>
        Task.FromResult(Record(crisisEvent, deliveredAt));

    private bool Record(CrisisEvent crisisEvent, DateTimeOffset? deliveredAt)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        lock (_lock)
        {
            if (_outbox.ContainsKey(crisisEvent.Id))
            {
                return false;
            }

            _events.Add(crisisEvent);
            _outbox[crisisEvent.Id] = new OutboxEntry(crisisEvent.Id, CrisisAlertKinds.Event, deliveredAt is null ? 0 : 1, crisisEvent.OccurredAt, deliveredAt)
            {
                EventId = crisisEvent.Id,
            };
            return true;
        }
    }

    public Task RecordOutcomeAsync(string eventId, CrisisOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _events.FindIndex(e => e.Id == eventId);
            if (index >= 0)
            {
                _events[index] = _events[index] with { Outcome = outcome, OutcomeAt = at };
                var alertId = CrisisAlertKinds.OutcomeAlertId(eventId, outcome);
                if (outcome != CrisisOutcome.LineGiven && !_outbox.ContainsKey(alertId))
                {
                    _outbox[alertId] = new OutboxEntry(alertId, CrisisAlertKinds.Outcome, 0, at, null)
                    {
                        EventId = eventId,
                        Outcome = outcome,
                        OutcomeAt = at,
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CrisisEvent>> ListAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<CrisisEvent>>(
                [.. _events.Where(e => e.ChannelId == channelId && e.ConversationId == conversationId).OrderBy(e => e.OccurredAt)]);
        }
    }

    public Task<bool> EnqueueAsync(ClinicianNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_lock)
        {
            if (_outbox.ContainsKey(notification.Id))
            {
                return Task.FromResult(false);
            }

            _outbox[notification.Id] = new OutboxEntry(notification.Id, notification.Kind, 0, notification.At, null) { Notification = notification };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            var due = _outbox.Values
                .Where(e => e.DeliveredAt is null && e.NextAttemptAt <= now && (e.LeaseUntil is not { } until || until <= now))
                .OrderBy(e => e.NextAttemptAt)
                .ThenBy(e => e.AlertId, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            foreach (var entry in due)
            {
                _outbox[entry.AlertId] = entry with { ClaimedBy = claim, LeaseUntil = now + lease };
            }

            return Task.FromResult<IReadOnlyList<CrisisAlert>>([.. due.Select(e => Alert(e, claim))]);
        }
    }

    public Task<bool> MarkDeliveredAsync(CrisisAlert alert, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            if (!IsHeldBy(alert, out var entry))
            {
                return Task.FromResult(false);
            }

            _outbox[alert.AlertId] = entry with { Attempts = entry.Attempts + 1, DeliveredAt = deliveredAt, LeaseUntil = null };
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkFailedAsync(CrisisAlert alert, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            if (!IsHeldBy(alert, out var entry))
            {
                return Task.FromResult(false);
            }

            _outbox[alert.AlertId] = entry with { Attempts = entry.Attempts + 1, NextAttemptAt = nextAttemptAt, ClaimedBy = null, LeaseUntil = null };
            return Task.FromResult(true);
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var waiting = _outbox.Values
                .Where(e => e.DeliveredAt is null)
                .Select(e => (DateTimeOffset?)(e.LeaseUntil is { } until && until > e.NextAttemptAt ? until : e.NextAttemptAt));
            return Task.FromResult(waiting.Min());
        }
    }

    private bool IsHeldBy(CrisisAlert alert, out OutboxEntry entry) =>
        _outbox.TryGetValue(alert.AlertId, out entry!) && entry.DeliveredAt is null && entry.ClaimedBy == alert.Claim;

    // Called under the lock: an alert about an event reads the event as it is now.
    private CrisisAlert Alert(OutboxEntry entry, string claim)
    {
        if (entry.Notification is { } notification)
        {
            return new CrisisAlert(string.Empty, notification.At, notification.ChannelId, string.Empty, RiskLevel.None, [], entry.Attempts, claim)
            {
                AlertId = entry.AlertId,
                Kind = entry.Kind,
                EnrolmentId = notification.EnrolmentId,
                Clinician = notification.Clinician,
            };
        }

        var crisisEvent = _events.Single(e => e.Id == entry.EventId);
        return new CrisisAlert(
            crisisEvent.Id, crisisEvent.OccurredAt, crisisEvent.ChannelId, crisisEvent.ConversationId, crisisEvent.Level, crisisEvent.Rules, entry.Attempts, claim)
        {
            AlertId = entry.AlertId,
            Kind = entry.Kind,
            Outcome = entry.Outcome ?? crisisEvent.Outcome,
            OutcomeAt = entry.Outcome is null ? crisisEvent.OutcomeAt : entry.OutcomeAt,
            EnrolmentId = crisisEvent.EnrolmentId,
            Clinician = crisisEvent.Clinician,
            MessageText = crisisEvent.MessageText,
        };
    }

    private sealed record OutboxEntry(string AlertId, string Kind, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt)
    {
        public string? EventId { get; init; }

        public CrisisOutcome? Outcome { get; init; }

        public DateTimeOffset? OutcomeAt { get; init; }

        public ClinicianNotification? Notification { get; init; }

        public string? ClaimedBy { get; init; }

        public DateTimeOffset? LeaseUntil { get; init; }
    }
}
