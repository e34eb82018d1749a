using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>The clinic demo page (<c>wwwroot/index.html</c>, served with the app's static files) and its endpoints.</summary>
internal static class WebChatApplicationExtensions
{
    /// <summary>
    /// Serves <c>/lib</c> from the Web Chat bundle the build puts in the output's <c>wwwroot/lib</c>, wherever the web
    /// root is.
    /// </summary>
    public static IApplicationBuilder UseWebChatBundle(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var bundleFolder = Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib");
        return Directory.Exists(bundleFolder)
            ? app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(bundleFolder), RequestPath = "/lib" })
            : app;
    }

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
