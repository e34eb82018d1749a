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
        lock (_lock)
        {
            var due = _outbox.Values.Where(e => e.DeliveredAt is null && e.NextAttemptAt <= now).OrderBy(e => e.NextAttemptAt).Take(max).ToList();
            foreach (var entry in due)
            {
                _outbox[entry.Event.Id] = entry with { NextAttemptAt = now + lease };
            }

            return Task.FromResult<IReadOnlyList<CrisisAlert>>([.. due.Select(e => new CrisisAlert(
                e.Event.Id, e.Event.OccurredAt, e.Event.ChannelId, e.Event.ConversationId, e.Event.Level, e.Event.Rules, e.Attempts))]);
        }
    }

    public Task MarkDeliveredAsync(string eventId, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = _outbox[eventId];
            _outbox[eventId] = entry with { Attempts = entry.Attempts + 1, DeliveredAt = deliveredAt };
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(string eventId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var entry = _outbox[eventId];
            _outbox[eventId] = entry with { Attempts = entry.Attempts + 1, NextAttemptAt = nextAttemptAt };
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var waiting = _outbox.Values.Where(e => e.DeliveredAt is null).Select(e => (DateTimeOffset?)e.NextAttemptAt);
            return Task.FromResult(waiting.Min());
        }
    }

    private sealed record OutboxEntry(CrisisEvent Event, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt);
}
