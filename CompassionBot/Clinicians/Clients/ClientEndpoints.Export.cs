using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Clients;

/// <summary><c>GET /api/clinicians/clients/{id}/sessions.csv</c>: the client's practice sessions as CSV (<see cref="SessionsCsv"/>).</summary>
internal static partial class ClientEndpoints
{
    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportSessionsAsync(
        string id, ClaimsPrincipal user, ClientAccess access, SessionsCsv csv, CancellationToken cancellationToken) =>
        await access.FindAsync(user, id, cancellationToken).ConfigureAwait(false) is null
            ? TypedResults.NotFound()
            : await csv.ExportAsync(id, cancellationToken).ConfigureAwait(false);
}
