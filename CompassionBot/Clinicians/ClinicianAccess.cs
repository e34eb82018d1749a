using System.Security.Claims;

namespace CompassionBot.Clinicians;

/// <summary>
/// Whose clients a request may read: <paramref name="Clinician"/>'s own, or every clinician's when
/// <paramref name="IsAdmin"/> (the <see cref="Admin"/> role). Writes stay with the client's own clinician.
/// </summary>
/// <param name="Clinician">The clinician the request authenticated as.</param>
/// <param name="IsAdmin">Whether the clinician is a clinic admin.</param>
internal sealed record ClinicianAccess(string Clinician, bool IsAdmin)
{
    /// <summary>The role of a clinic admin: an app role in Entra ID, <c>Clinic:Admins</c> in local mode.</summary>
    public const string Admin = "ClinicAdmin";

    /// <summary>What <paramref name="user"/> may read.</summary>
    public static ClinicianAccess Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Identity?.Name ?? throw new InvalidOperationException("An authenticated clinician has a name."), user.IsInRole(Admin));
    }

    /// <summary>Whether a record of <paramref name="owner"/> is readable.</summary>
    public bool CanRead(string owner) => IsAdmin || string.Equals(owner, Clinician, StringComparison.Ordinal);
}
