namespace CompassionBot.Clinicians.EntraId;

/// <summary>
/// Clinician sign-in with Microsoft Entra ID (section <c>Clinic:EntraId</c>): the clinic's app registration. With no
/// <see cref="ClientId"/> the service offers no Entra ID sign-in and nothing else changes.
/// </summary>
public sealed class EntraIdOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Clinic:EntraId";

    /// <summary>The cloud's sign-in host (default the public cloud's, <c>https://login.microsoftonline.com/</c>).</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The clinic's tenant (directory) id; only its users sign in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's application (client) id; sign-in is on when set.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret, with which the service redeems the sign-in code.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Whether Entra ID sign-in is configured.</summary>
    public bool Enabled => !string.IsNullOrEmpty(ClientId);
}
