using CompassionBot.Dialogs.Telemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CompassionBot.Operations;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment
/// or configuration; the other standard <c>OTEL_*</c> settings apply too, e.g. <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>). Without it nothing
/// is collected for export and nothing leaves the process.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard setting that turns export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard setting that names the service.</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary><c>service.name</c> when <see cref="ServiceNameKey"/> is not set.</summary>
    public const string DefaultServiceName = "compassionbot";

    /// <summary>Whether <paramref name="configuration"/> turns OTLP export on.</summary>
    public static bool IsExportEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[OtlpEndpointKey]);

    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsExportEnabled(configuration))
        {
            return services;
        }

        var serviceName = configuration[ServiceNameKey] is { Length: > 0 } configured ? configured : DefaultServiceName;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !OperationsEndpoints.IsProbe(context.Request.Path);

                    // Direct Line streams carry their token in the query string: never record it.
                    options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddHttpClientInstrumentation(options =>
                {
                    // Outbound paths carry conversation ids, which on some channels are phone numbers: keep the host only.
                    options.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { IsAbsoluteUri: true } uri)
                        {
                            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + "/");
                        }
                    };
                })
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return services;
    }
}
