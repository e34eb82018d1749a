using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// The safety plan a clinician writes for a client (kept by <see cref="ClientSafetyPlanStore"/>, so the crisis
/// referral shows it on every channel the client linked), for the API and the console alike.
/// </summary>
internal sealed class ClientSafetyPlans(ISafetyPlanStore plans, TimeProvider timeProvider)
{
    /// <summary>Longest safety plan.</summary>
    public const int MaxLength = 1000;

    /// <summary>The plan as it is to be kept (trimmed), or null when it is empty or longer than <see cref="MaxLength"/>.</summary>
    public static string? Normalize(string? text) => text?.Trim() is { Length: > 0 and <= MaxLength } trimmed ? trimmed : null;

    /// <summary>The client's plan, or null when none was written.</summary>
    public async Task<SafetyPlanResponse?> GetAsync(string clientId, CancellationToken cancellationToken) =>
        await plans.GetAsync(ClientSafetyPlanStore.ChannelId, clientId, cancellationToken).ConfigureAwait(false) is { } plan
            ? new SafetyPlanResponse(plan.Text, plan.UpdatedAt)
            : null;

    /// <summary>Keeps <paramref name="text"/> (from <see cref="Normalize"/>) as the client's plan.</summary>
    public async Task<SafetyPlanResponse> SetAsync(string clientId, string text, CancellationToken cancellationToken)
    {
        var plan = new SafetyPlan(text, timeProvider.GetUtcNow());
        await plans.SetAsync(ClientSafetyPlanStore.ChannelId, clientId, plan, cancellationToken).ConfigureAwait(false);
        return new SafetyPlanResponse(plan.Text, plan.UpdatedAt);
    }
}
