using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.DirectLine;

/// <summary>The caller may use the conversation its request names (route value <c>conversationId</c>).</summary>
internal sealed class ConversationAccessRequirement : IAuthorizationRequirement
{
    public const string RouteValue = "conversationId";
}
