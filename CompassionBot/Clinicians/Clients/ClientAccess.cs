using System.Security.Claims;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Which clients a signed-in person reaches: a clinician their own, a clinic admin (role <see cref="AdminRole"/>)
/// everyone's. Anything else is not found, so ids do not leak.
/// </summary>
internal sealed class ClientAccess(ClientStore clients, ClientViews views)
{
    /// <summary>The role claim of clinic admins.</summary>
    public const string AdminRole = "ClinicAdmin";

    /// <summary>The client <paramref name="id"/> if <paramref name="user"/> may see it, else null.</summary>
    public Task<ClientRecord?> FindAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AdminRole) ? clients.GetAnyAsync(id, cancellationToken) : clients.GetAsync(user.Clinician(), id, cancellationToken);
    }

    /// <summary>The clients <paramref name="user"/> may see whose alias contains <paramref name="search"/>, with their status.</summary>
    public async Task<IReadOnlyList<ClientResponse>> ListAsync(ClaimsPrincipal user, string? search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var found = await clients.ListAsync(user.IsInRole(AdminRole) ? null : user.Clinician(), search, cancellationToken).ConfigureAwait(false);
        var responses = new List<ClientResponse>(found.Count);
        foreach (var client in found)
        {
            responses.Add(await views.ViewAsync(client, cancellationToken).ConfigureAwait(false));
        }

        return responses;
    }
}
