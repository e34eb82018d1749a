namespace CompassionBot.DirectLine;

/// <summary>
/// Tells open streams that a conversation changed, wherever the change happened. In-process for one instance;
/// a scaled-out deployment implements it over the shared database (PostgreSQL LISTEN/NOTIFY).
/// </summary>
public interface IDirectLineNotifier
{
    /// <summary>Delivers <paramref name="notification"/> to every subscriber of its conversation, on every instance.</summary>
    Task PublishAsync(DirectLineNotification notification, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onNotification"/> (quickly, without blocking) for each notification of the conversation until disposed.</summary>
    IDisposable Subscribe(string conversationId, Action<DirectLineNotification> onNotification);
}
