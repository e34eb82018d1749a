using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;

namespace CompassionBot.Storage.Memory;

/// <summary>Crisis events and their alert outbox in memory (Storage:Provider=Memory: development and tests; lost on restart).</summary>
internal sealed class MemoryCrisisEventStore : ICrisisEventStore, ICrisisAlertOutbox
{
    private readonly Lock _lock = new();
    private readonly List<CrisisEvent> _events = [];
    private readonly Dictionary<string, OutboxEntry> _outbox = new(StringComparer.Ordinal);

    public Task<bool> RecordAsync(CrisisEvent crisisEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crisisEvent);
        lock (_lock)
        {
            if (_outbox.ContainsKey(crisisEvent.Id))
            {
                return Task.FromResult(false);
            }

            _events.Add(crisisEvent);
            _outbox[crisisEvent.Id] = new OutboxEntry(crisisEvent, 0, crisisEvent.OccurredAt, null);
            return Task.FromResult(true);
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

    public Task<IReadOnlyList<CrisisAlert>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            var due = _outbox.Values
                .Where(e => e.DeliveredAt is null && e.NextAttemptAt <= now && (e.LeaseUntil is not { } until || until <= now))
                .OrderBy(e => e.NextAttemptAt)
                .ThenBy(e => e.Event.Id, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            foreach (var entry in due)
            {
                _outbox[entry.Event.Id] = entry with { ClaimedBy = claim, LeaseUntil = now + lease };
            }

            return Task.FromResult<IReadOnlyList<CrisisAlert>>([.. due.Select(e => new CrisisAlert(
                e.Event.Id, e.Event.OccurredAt, e.Event.ChannelId, e.Event.ConversationId, e.Event.Level, e.Event.Rules, e.Attempts, claim))]);
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

            _outbox[alert.EventId] = entry with { Attempts = entry.Attempts + 1, DeliveredAt = deliveredAt, LeaseUntil = null };
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

            _outbox[alert.EventId] = entry with { Attempts = entry.Attempts + 1, NextAttemptAt = nextAttemptAt, ClaimedBy = null, LeaseUntil = null };
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
        _outbox.TryGetValue(alert.EventId, out entry!) && entry.DeliveredAt is null && entry.ClaimedBy == alert.Claim;

    private sealed record OutboxEntry(CrisisEvent Event, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt)
    {
        public string? ClaimedBy { get; init; }

        public DateTimeOffset? LeaseUntil { get; init; }
    }
}
