namespace CompassionBot.DirectLine;

/// <summary>Registers the web chat page's own endpoints (over Direct Line).</summary>
internal static class WebChatServiceCollectionExtensions
{
    /// <summary>Adds the demo token endpoint's rate limit. Needs <c>AddDirectLine</c>.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services) =>
        services.AddRateLimiter(limits => limits.AddPolicy<string, WebChatDemoRateLimitPolicy>(WebChatDemoEndpoints.RateLimitPolicy));
}
