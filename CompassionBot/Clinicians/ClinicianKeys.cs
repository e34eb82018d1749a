using System.Security.Claims;
using System.Security.Cryptography;
using CompassionBot.Clinicians.Clients;
using System.Text;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians;

/// <summary>
/// The clinician keys of <c>Clinic:ApiKeys</c>: which clinician a presented key names (compared in constant time),
/// for the API's <c>Authorization: ApiKey</c> header and the console's sign-in form alike.
/// </summary>
internal sealed class ClinicianKeys(IOptionsMonitor<ClinicianApiOptions> options)
{
    /// <summary>
    /// The clinician whose key <paramref name="presented"/> is, as an identity of <paramref name="authenticationType"/>:
    /// named after the key, in the <see cref="ClientAccess.AdminRole"/> role when <c>Clinic:Admins</c> names it; or null.
    /// </summary>
    public ClaimsIdentity? Authenticate(string presented, string authenticationType)
    {
        if (Match(presented) is not { } clinician)
        {
            return null;
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, clinician)], authenticationType);
        if (options.CurrentValue.Admins.Contains(clinician))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, ClientAccess.AdminRole));
        }

        return identity;
    }

    /// <summary>The name of the clinician whose key <paramref name="presented"/> is, or null.</summary>
    public string? Match(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
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
