namespace CompassionBot.Hosting;

/// <summary>
/// Every error answer of the service's own endpoints is problem+json (RFC 9457) with a stable <c>type</c>: the
/// status's section of RFC 9110 (RFC 6585 for 429), <c>about:blank</c> for a status neither defines. Endpoints that
/// write their own error bodies (Direct Line's error JSON) keep them.
/// </summary>
internal static class ProblemResponseServiceCollectionExtensions
{
    private static readonly Dictionary<int, string> TypesAspNetCoreLeavesOpen = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        [StatusCodes.Status429TooManyRequests] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
    };

    /// <summary>Problem details for errors, with <see cref="RequestBodyExceptionHandler"/> for bodies that never arrived.</summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<RequestBodyExceptionHandler>();
        return services;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is null && problem.Status is { } status)
        {
            problem.Type = TypesAspNetCoreLeavesOpen.GetValueOrDefault(status, "about:blank");
        }

        // No trace identifiers or request paths: nothing that helps an attacker or ties two requests together.
        problem.Extensions.Remove("traceId");
        problem.Instance = null;
    }
}
