using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>The endpoints of the clinic demo page (<c>wwwroot/index.html</c>, served with the app's static files).</summary>
internal static class WebChatEndpointRouteBuilderExtensions
{
    /// <summary>Maps the page's crisis-line lookup and, in local mode, its token endpoint.</summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapWebChatCrisisLineEndpoints();
        if (IsDemoTokenEndpointEnabled(endpoints.ServiceProvider))
        {
            endpoints.MapWebChatDemoEndpoints();
        }

        return endpoints;
    }

    private static bool IsDemoTokenEndpointEnabled(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<DirectLineOptions>>().Value.EnableDemoTokenEndpoint;
        if (configured is { } enabled)
        {
            return enabled;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var appId = configuration["BotFramework:MicrosoftAppId"] ?? configuration["MicrosoftAppId"];
        return services.GetRequiredService<IHostEnvironment>().IsDevelopment() || string.IsNullOrEmpty(appId);
    }
}
