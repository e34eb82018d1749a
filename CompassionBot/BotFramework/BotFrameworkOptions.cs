namespace CompassionBot.BotFramework;

/// <summary>
/// Bot Framework / Azure Bot Service settings, with the SDK's usual key names. They are read from the configuration
/// root (as Azure App Service sets them) and may be overridden in the <see cref="SectionName"/> section. With no
/// <see cref="MicrosoftAppId"/> the endpoint runs in local, unauthenticated mode (development only).
/// Defaults are the public-cloud values.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "BotFramework";

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = BotFrameworkAppTypes.MultiTenant;

    /// <summary>The bot's Entra app id (a GUID); for <c>UserAssignedMSI</c>, the managed identity's client id.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret (MultiTenant and SingleTenant only).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant id (SingleTenant and UserAssignedMSI only).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata for tokens issued by the Bot Framework channels.</summary>
    public Uri ToBotFromChannelOpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>Issuer of channel tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata for tokens the Bot Framework Emulator obtains from Entra ID.</summary>
    public Uri ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration");

    /// <summary>Authority for outbound tokens (MultiTenant); SingleTenant replaces the last segment with the tenant id.</summary>
    public Uri ToChannelFromBotLoginUrl { get; set; } = new("https://login.microsoftonline.com/botframework.com");

    /// <summary>Resource whose <c>/.default</c> scope outbound tokens are requested for.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>Whether MSAL validates the authority (turn off only for sovereign or test authorities).</summary>
    public bool ValidateAuthority { get; set; } = true;

    /// <summary>Teams tenants the clinic serves; empty means every tenant.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>
    /// How long a processed activity id is remembered per conversation, so that a channel's retried delivery is answered
    /// from the first turn instead of running it again (every channel's turns; see <c>DeliveryDeduplication</c>).
    /// Default 3 hours; must be positive.
    /// </summary>
    public TimeSpan DeliveryDedupWindow { get; set; } = TimeSpan.FromHours(3);

    /// <summary>True when no app id is configured: no inbound authentication, no outbound token.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The <c>/.default</c> scope for outbound tokens.</summary>
    public string OAuthScopeDefault => ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";

    /// <summary>The authority outbound tokens come from, per app type.</summary>
    public Uri LoginAuthority =>
        string.Equals(MicrosoftAppType, BotFrameworkAppTypes.MultiTenant, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? ToChannelFromBotLoginUrl
            : new Uri(ToChannelFromBotLoginUrl, "/" + MicrosoftAppTenantId);
}
