using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.BotFramework;

/// <summary>
/// For <c>deliveryMode: expectReplies</c>: nothing goes out; the replies come back in the HTTP response body from the
/// turn result. Typing indicators have nowhere to go and are dropped.
/// </summary>
internal sealed class ExpectRepliesChannelSender : IChannelSender
{
    public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(null))]);
    }
}
