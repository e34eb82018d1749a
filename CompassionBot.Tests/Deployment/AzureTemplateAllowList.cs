namespace CompassionBot.Tests.Deployment;

/// <summary>
/// Keys the service reads that the Azure templates deliberately leave unset, each with the reason. Every other key
/// <see cref="AppConfigurationKeys"/> finds must be an app setting: a new option fails the deployment tests until it
/// is added to <c>main.bicep</c> or here.
/// </summary>
internal static class AzureTemplateAllowList
{
    /// <summary>Keys whose defaults are right on App Service (never set by the templates).</summary>
    public static readonly IReadOnlyDictionary<string, string> SafeDefaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ConnectionStrings:Sqlite"] = "not read with Storage:Provider=Postgres",
        ["Storage:BusyTimeout"] = "SQLite write-lock wait; not used with PostgreSQL",
        ["Storage:ReadConnections"] = "SQLite read pool; not used with PostgreSQL",
        ["Storage:StateCacheSize"] = "SQLite state cache; not used with PostgreSQL",
        ["Content:RootPath"] = "default: the Content folder published next to the app",
        ["ToBotFromChannelOpenIdMetadataUrl"] = "public-cloud default; set only for a sovereign cloud",
        ["ToBotFromChannelTokenIssuer"] = "public-cloud default; set only for a sovereign cloud",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = "public-cloud default; set only for a sovereign cloud",
        ["ToChannelFromBotLoginUrl"] = "public-cloud default; set only for a sovereign cloud",
        ["ToChannelFromBotOAuthScope"] = "public-cloud default; set only for a sovereign cloud",
        ["ValidateAuthority"] = "default true; false only for test authorities",
        ["DeliveryDedupWindow"] = "default 3 hours: a retried delivery is recognised for that long (Azure Bot Service retries within seconds)",
        ["DirectLine:SigningKeyPath"] = "not read when DirectLine:TokenSigningKey is set (always, from Key Vault)",
        ["DirectLine:BotId"] = "default 'compassionbot'",
        ["DirectLine:TokenLifetime"] = "default 30 minutes, as Azure's Direct Line",
        ["DirectLine:MaxActivityBytes"] = "default 256 KiB",
        ["DirectLine:RateLimitPermits"] = "default 240 per window",
        ["DirectLine:ClientRateLimitPermits"] = "default 2400 per window and client address (ASPNETCORE_FORWARDEDHEADERS_ENABLED gives the client's)",
        ["DirectLine:RateLimitWindow"] = "default one minute",
        ["DirectLine:KeepAliveInterval"] = "default 15 seconds (below App Service's idle timeout)",
        ["DirectLine:DemoTokenPermits"] = "the demo token endpoint is off (DirectLine:EnableDemoTokenEndpoint=false)",
        ["CheckIns:PollInterval"] = "default one minute",
        ["CheckIns:ClaimTimeout"] = "default 5 minutes",
        ["CheckIns:MaxLateness"] = "default 2 hours",
        ["CheckIns:UnansweredLimit"] = "default 3",
        ["CheckIns:CrisisQuietPeriod"] = "default 72 hours",
        ["Clinic:LinkCodeLifetime"] = "default 72 hours: how long a client's link code works",
        ["Clinic:LinkAttemptsPerPerson"] = "default 5 an hour: link codes one person may try",
        ["Clinic:LinkAttemptsPerMinute"] = "default 30 a minute: link codes everyone may try on one instance",
        ["Clinic:SignInAttemptsPerMinute"] = "default 10 a minute: console key sign-ins one client address may try",
        ["Clinic:SignInFailuresPerHour"] = "default 30 an hour: wrong console keys one client address may try",
        ["Clinic:EntraId:Instance"] = "Entra ID sign-in is a clinic's choice, off unless its app registration is configured by hand; public-cloud default",
        ["Clinic:EntraId:TenantId"] = "Entra ID sign-in is a clinic's choice, off unless its app registration is configured by hand",
        ["Clinic:EntraId:ClientId"] = "Entra ID sign-in is a clinic's choice, off unless its app registration is configured by hand",
        ["Clinic:EntraId:ClientSecret"] = "Entra ID sign-in is a clinic's choice, off unless its app registration is configured by hand",
        ["Clinic:Admins"] = "default none: clinic admins are Entra ID app roles, or named per deployment by hand",
        ["Safety:Model:Enabled"] = "default on: the semantic layer of the crisis screen always runs in a clinic",
        ["Safety:Model:CacheSize"] = "default 4,096 verdicts kept by text",
        ["Safety:AlertTimeout"] = "default 10 seconds",
        ["Safety:AlertRetryDelay"] = "default 1 second",
        ["Safety:AlertInitialBackoff"] = "default 30 seconds",
        ["Safety:AlertMaxBackoff"] = "default 15 minutes",
        ["Safety:AlertPollInterval"] = "default 15 seconds",
        ["Safety:AzureLanguage:Timeout"] = "default 2 seconds",
        ["Safety:AzureLanguage:NegativeThreshold"] = "default 0.9",
        ["Safety:ContentSafety:Timeout"] = "default 2 seconds",
        ["Safety:ContentSafety:SelfHarmCrisisSeverity"] = "default 4 (medium)",
        ["Safety:ContentSafety:SelfHarmConcernSeverity"] = "default 2 (low)",
        ["Safety:ContentSafety:ViolenceConcernSeverity"] = "default 4 (medium)",
        ["Operations:ReadinessCacheDuration"] = "default 2 seconds: one readiness evaluation serves every probe in that time",
        ["Operations:ProbeRateLimitPermits"] = "default 20 probes per window and client address",
        ["Operations:ProbeRateLimitWindow"] = "default one second",
        ["Sms:Twilio:ApiBaseUrl"] = "default Twilio's own API (tests point it at a fake)",
        ["Sms:Twilio:RetryDelay"] = "default 1 second",
        ["Sms:Twilio:AttemptTimeout"] = "default 10 seconds",
    };

    /// <summary>
    /// Keys that main.bicep sets only when a parameter asks for them and that the production parameters leave off.
    /// The all-features test proves main.bicep sets them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OffInProduction = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["MicrosoftAppPassword"] = "production's bot is UserAssignedMSI, which has no secret (the service refuses one)",
        ["Safety:AzureLanguage:Endpoint"] = "optional signal that sends message text to Azure AI Language: a clinic's choice (azureLanguageEndpoint)",
        ["Safety:AzureLanguage:Key"] = "set with Safety:AzureLanguage:Endpoint, from Key Vault",
        ["Safety:ContentSafety:Endpoint"] = "optional signal that sends message text to Azure AI Content Safety: a clinic's choice (contentSafetyEndpoint)",
        ["Safety:ContentSafety:Key"] = "set with Safety:ContentSafety:Endpoint, from Key Vault",
    };
}
