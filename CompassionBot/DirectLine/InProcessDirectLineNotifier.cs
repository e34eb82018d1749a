namespace CompassionBot.DirectLine;

/// <summary><see cref="IDirectLineNotifier"/> for a single instance.</summary>
internal sealed class InProcessDirectLineNotifier : IDirectLineNotifier
{
    private readonly Dictionary<string, List<Action<DirectLineNotification>>> _subscribers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task PublishAsync(DirectLineNotification notification, CancellationToken cancellationToken)
    {
        Publish(notification);
        return Task.CompletedTask;
    }

    /// <summary>Delivers <paramref name="notification"/> to this instance's subscribers of its conversation.</summary>
    public void Publish(DirectLineNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Action<DirectLineNotification>[] handlers;
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(notification.ConversationId, out var list))
            {
                return;
            }

            handlers = [.. list];
        }

        foreach (var handler in handlers)
        {
            handler(notification);
        }
    }

    /// <summary>
    /// Tells every subscriber that its conversation may have grown (a notification without watermark or activity),
    /// e.g. after notifications from other instances may have been missed.
    /// </summary>
    public void PublishToEveryConversation()
    {
        string[] conversationIds;
        lock (_lock)
        {
            conversationIds = [.. _subscribers.Keys];
        }

        foreach (var conversationId in conversationIds)
        {
            Publish(new DirectLineNotification(conversationId, null, null));
        }
    }

    public IDisposable Subscribe(string conversationId, Action<DirectLineNotification> onNotification)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(onNotification);
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(conversationId, out var list))
            {
                list = [];
                _subscribers[conversationId] = list;
            }

            list.Add(onNotification);
        }

        return new Subscription(this, conversationId, onNotification);
    }

    private void Unsubscribe(string conversationId, Action<DirectLineNotification> handler)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(conversationId, out var list) && list.Remove(handler) && list.Count == 0)
            {
                _subscribers.Remove(conversationId);
            }
        }
    }

    private sealed class Subscription(InProcessDirectLineNotifier owner, string conversationId, Action<DirectLineNotification> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(conversationId, handler);
            }
        }
    }
}
