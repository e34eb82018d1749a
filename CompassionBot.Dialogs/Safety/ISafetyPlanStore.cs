namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Safety plans the clinic has put on file, keyed by channel id and the person's id on that channel. Read in crisis
/// turns; written by the clinician API.
/// </summary>
public interface ISafetyPlanStore
{
    /// <summary>The plan on file for the person, or null.</summary>
    Task<SafetyPlan?> GetAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Puts <paramref name="plan"/> on file for the person (replacing any earlier one).</summary>
    Task SetAsync(string channelId, string userId, SafetyPlan plan, CancellationToken cancellationToken);

    /// <summary>Removes the person's plan; returns whether there was one.</summary>
    Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken);
}
