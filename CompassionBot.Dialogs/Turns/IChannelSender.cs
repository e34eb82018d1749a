using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Turns;

/// <summary>Delivers a turn's replies on the channel the turn came from (Connector REST, Direct Line log, Twilio, console).</summary>
public interface IChannelSender
{
    /// <summary>Delivers <paramref name="activities"/> (already addressed) in order.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
