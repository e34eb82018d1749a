using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Tests.Support;

/// <summary>A channel that takes every reply and delivers nothing, for turns whose replies a test reads from the result.</summary>
internal sealed class NoSender : IChannelSender
{
    public static NoSender Instance { get; } = new();

    public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResourceResponse>>([]);
}
