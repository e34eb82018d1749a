using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Adds the Direct Line channel and the clinic demo page to the request pipeline.</summary>
internal static class DirectLineApplicationExtensions
{
    /// <summary>
    /// The middleware Direct Line and the demo page need: static files (the page at <c>/</c> and the Web Chat
    /// bundle the build puts in the output's <c>wwwroot/lib</c>), WebSockets, CORS and rate limiting.
    /// </summary>
    public static IApplicationBuilder UseDirectLine(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        var bundleFolder = Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib");
        if (Directory.Exists(bundleFolder))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(bundleFolder), RequestPath = "/lib" });
        }

        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Maps <c>/v3/directline</c>, the page's crisis-line lookup and, in local mode, the demo page's token endpoint.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        endpoints.MapDirectLineEndpoints();
        endpoints.MapWebChatCrisisLineEndpoints();
        if (IsDemoTokenEndpointEnabled(services))
        {
            endpoints.MapWebChatDemoEndpoints();
        }

        services.GetRequiredService<DirectLineMarker>().Mapped = true;
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
