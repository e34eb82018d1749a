using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.DirectLine;

/// <summary>A secret may use every conversation; a token only its own.</summary>
internal sealed class ConversationAccessAuthorizationHandler : AuthorizationHandler<ConversationAccessRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ConversationAccessRequirement requirement, HttpContext resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (resource?.GetRouteValue(ConversationAccessRequirement.RouteValue) is string conversationId
            && DirectLineCaller.Find(context.User) is { } caller
            && caller.CanAccess(conversationId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
