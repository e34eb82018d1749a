using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.BotFramework;

/// <summary>Delivers a turn's replies through the Bot Connector at the inbound activity's serviceUrl.</summary>
internal sealed class ConnectorChannelSender(ConnectorClient connector, string serviceUrl) : IChannelSender
{
    private const string EmulatorChannelId = "emulator";

    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            // Trace activities are for the Emulator only.
            if (string.Equals(activity.Type, ActivityTypes.Trace, StringComparison.Ordinal) &&
                !string.Equals(activity.ChannelId, EmulatorChannelId, StringComparison.Ordinal))
            {
                responses.Add(new ResourceResponse(null));
                continue;
            }

            responses.Add(await connector.SendActivityAsync(serviceUrl, activity, cancellationToken).ConfigureAwait(false));
        }

        return responses;
    }
}
