using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompassionBot.Operations;

/// <summary>
/// The probe endpoints: <c>/healthz</c> (liveness: the process answers; plain <c>Healthy</c>, no dependency touched)
/// and <c>/readyz</c> (readiness: storage reachable, migrated and taking writes; 200 or 503 with a short JSON reason). Both are
/// anonymous, exempt from rate limiting, and answered by the health-check middleware, never by a bot turn.
/// </summary>
internal static class OperationsEndpoints
{
    /// <summary>Liveness path.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>Readiness path.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>Whether <paramref name="path"/> is one of the probes (left out of traces: they are noise).</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(LivenessPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ReadinessPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps <see cref="LivenessPath"/> and <see cref="ReadinessPath"/>.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Live),
            AllowCachingResponses = false,
        })
            .AllowAnonymous()
            .RequireRateLimiting(ProbeRateLimitPolicy.Name)
            .ExcludeFromDescription();
        endpoints.MapMethods(ReadinessPath, [HttpMethods.Get, HttpMethods.Head], WriteReadinessAsync)
            .AllowAnonymous()
            .RequireRateLimiting(ProbeRateLimitPolicy.Name)
            .ExcludeFromDescription();
        if (endpoints.ServiceProvider.GetService<OperationsMarker>() is { } marker)
        {
            marker.Mapped = true;
        }

        return endpoints;
    }

    private static async Task WriteReadinessAsync(HttpContext context, ReadinessProbe probe)
    {
        var report = await probe.GetAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        await ReadinessResponseWriter.WriteAsync(context, report).ConfigureAwait(false);
    }
}
