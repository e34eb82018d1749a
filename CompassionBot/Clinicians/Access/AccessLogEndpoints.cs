using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Access;

/// <summary>
/// <c>GET /api/clinicians/access-log</c> (<c>?clientId=</c>, <c>?before=</c> an entry id, <c>?limit=</c> 1–200, default 50):
/// the access log, newest first, for clinic admins only. Anyone else gets 403: the endpoint is documented and names no
/// client, so refusing it openly leaks nothing, unlike a client id (404).
/// </summary>
internal static class AccessLogEndpoints
{
    /// <summary>Default page size.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Largest page.</summary>
    public const int MaxLimit = 200;

    /// <summary>Maps the access log on the clinician API's group.</summary>
    public static RouteGroupBuilder MapAccessLog(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/access-log", ListAsync).RequireAuthorization(ClientAccess.AdminRole);
        return group;
    }

    private static async Task<Results<Ok<AccessLogPage>, ValidationProblem>> ListAsync(
        string? clientId, long? before, int? limit, ClientAccessLog log, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["limit"] = [$"The limit must be 1 to {MaxLimit}."] });
        }

        var size = limit ?? DefaultLimit;
        var entries = await log.ListAsync(clientId, before, size, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AccessLogPage(entries, entries.Count == size ? entries[^1].Id : null));
    }
}
