using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians;

/// <summary>Lets a request through only with <c>Authorization: ApiKey &lt;key&gt;</c> naming a configured key (compared in constant time).</summary>
internal sealed class ApiKeyEndpointFilter(IOptionsMonitor<ClinicianApiOptions> options, ILogger<ApiKeyEndpointFilter> logger) : IEndpointFilter
{
    private const string Scheme = "ApiKey ";
    private const string ClinicianItem = "Clinician";

    /// <summary>The name of the key that authenticated the request.</summary>
    public static string Clinician(HttpContext context) => context?.Items[ClinicianItem] as string ?? throw new InvalidOperationException("Not an authenticated clinician request.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var name = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? Match(header[Scheme.Length..].Trim()) : null;
        if (name is null)
        {
            Log.ApiKeyRejected(logger);
            context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey";
            return TypedResults.Unauthorized();
        }

        context.HttpContext.Items[ClinicianItem] = name;
        return await next(context).ConfigureAwait(false);
    }

    private string? Match(string presented)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? found = null;
        foreach (var (name, key) in options.CurrentValue.ApiKeys)
        {
            if (!string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                found = name;
            }
        }

        return presented.Length == 0 ? null : found;
    }
}
