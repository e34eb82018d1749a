using System.Security.Claims;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// The one rule of what a signed-in person may read and change, for the API and the console alike: a clinician reads
/// and changes their own clients; a clinic admin (role <see cref="AdminRole"/>: an Entra ID app role, or a key named in
/// <c>Clinic:Admins</c>) reads everyone's and changes only their own. Anything else is not found, so ids do not leak.
/// </summary>
internal sealed class ClientAccess(ClientStore clients, ClientViews views)
{
    /// <summary>The role claim of clinic admins, and the policy of the same name.</summary>
    public const string AdminRole = "ClinicAdmin";

    /// <summary>Whether <paramref name="user"/> is a clinic admin.</summary>
    public static bool IsAdmin(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AdminRole);
    }

    /// <summary>The clinician whose records <paramref name="user"/> reads; null for a clinic admin (everyone's).</summary>
    public static string? ReadScope(ClaimsPrincipal user) => IsAdmin(user) ? null : user.Clinician();

    /// <summary>Whether <paramref name="user"/> may read a record of the clinician <paramref name="owner"/>.</summary>
    public static bool CanRead(ClaimsPrincipal user, string owner) =>
        IsAdmin(user) || string.Equals(owner, user.Clinician(), StringComparison.Ordinal);

    /// <summary>The client <paramref name="id"/> if <paramref name="user"/> may read it, else null.</summary>
    public Task<ClientRecord?> FindAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
        ReadScope(user) is { } clinician ? clients.GetAsync(clinician, id, cancellationToken) : clients.GetAnyAsync(id, cancellationToken);

    /// <summary>The client <paramref name="id"/> if <paramref name="user"/> may change it (their own), else null.</summary>
    public Task<ClientRecord?> FindOwnAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return clients.GetAsync(user.Clinician(), id, cancellationToken);
    }

    /// <summary>The clients <paramref name="user"/> may read whose alias contains <paramref name="search"/>, with their status.</summary>
    public async Task<IReadOnlyList<ClientResponse>> ListAsync(ClaimsPrincipal user, string? search, CancellationToken cancellationToken)
    {
        var found = await clients.ListAsync(ReadScope(user), search, cancellationToken).ConfigureAwait(false);
        var responses = new List<ClientResponse>(found.Count);
        foreach (var client in found)
        {
            responses.Add(await views.ViewAsync(client, cancellationToken).ConfigureAwait(false));
        }

        return responses;
    }
}
