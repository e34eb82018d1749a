using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Safety plans with client records: a plan the clinician wrote for a client (kept under <see cref="ChannelId"/> and the
/// client id) is the plan of every channel user linked to that client, so the crisis referral shows it on each
/// channel; a person who is not linked keeps any plan on file for their channel user.
/// </summary>
internal sealed class ClientSafetyPlanStore(ISafetyPlanStore inner, ClientLinkStore links) : ISafetyPlanStore
{
    /// <summary>The pseudo channel under which client records' plans are kept.</summary>
    public const string ChannelId = "client";

    public async Task<SafetyPlan?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(channelId, userId, cancellationToken).ConfigureAwait(false) is { } link
            && await inner.GetAsync(ChannelId, link.ClientId, cancellationToken).ConfigureAwait(false) is { } plan)
        {
            return plan;
        }

        return await inner.GetAsync(channelId, userId, cancellationToken).ConfigureAwait(false);
    }

    public Task SetAsync(string channelId, string userId, SafetyPlan plan, CancellationToken cancellationToken) =>
        inner.SetAsync(channelId, userId, plan, cancellationToken);

    public Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        inner.RemoveAsync(channelId, userId, cancellationToken);
}
