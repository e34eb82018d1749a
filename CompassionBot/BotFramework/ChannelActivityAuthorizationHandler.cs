using CompassionBot.Dialogs.Schema;
using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.BotFramework;

/// <summary>
/// Checks <see cref="ChannelActivityRequirement"/> (<see cref="ChannelIdentity.Refusal"/>) once the activity has
/// been read. An activity a validated token covers makes its serviceUrl one our own token may be sent to.
/// </summary>
internal sealed class ChannelActivityAuthorizationHandler(ServiceUrlTrustList trust, ILogger<ChannelActivityAuthorizationHandler> logger)
    : AuthorizationHandler<ChannelActivityRequirement, Activity>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ChannelActivityRequirement requirement, Activity resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (ChannelIdentity.Refusal(context.User, resource) is { } reason)
        {
            Log.AuthenticationFailed(logger, StatusCodes.Status403Forbidden, reason);
            context.Fail(new AuthorizationFailureReason(this, reason));
            return Task.CompletedTask;
        }

        if (ChannelIdentity.IsVerified(context.User) && resource.ServiceUrl is { } verified)
        {
            trust.Trust(verified);
        }

        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
