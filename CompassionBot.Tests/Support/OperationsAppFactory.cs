using CompassionBot.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Support;

/// <summary>
/// The real service with the operations endpoints and telemetry (<see cref="OperationsServiceCollectionExtensions.AddOperations"/>),
/// the given settings (default: in-memory storage) and service overrides.
/// </summary>
internal sealed class OperationsAppFactory(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices((context, services) => services.AddOperations(context.Configuration));
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, OperationsPipelineShim>();
            configureServices?.Invoke(services);
        });
    }

    /// <summary>Maps the probes when Program.cs does not (yet) do it itself.</summary>
    private sealed class OperationsPipelineShim : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (!app.ApplicationServices.GetRequiredService<OperationsMarker>().Mapped)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapOperations());
            }

            next(app);
        };
    }
}
