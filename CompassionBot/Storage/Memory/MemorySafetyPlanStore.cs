using System.Collections.Concurrent;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Storage.Memory;

/// <summary>Safety plans in memory (Storage:Provider=Memory: development and tests; lost on restart).</summary>
internal sealed class MemorySafetyPlanStore : ISafetyPlanStore
{
    private readonly ConcurrentDictionary<(string ChannelId, string UserId), SafetyPlan> _plans = new();

    public Task<SafetyPlan?> GetAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_plans.TryGetValue((channelId, userId), out var plan) ? plan : null);

    public Task SetAsync(string channelId, string userId, SafetyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plans[(channelId, userId)] = plan;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_plans.TryRemove((channelId, userId), out _));
}
