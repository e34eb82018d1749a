namespace CompassionBot.BotFramework;

/// <summary>Names of the HTTP clients the Bot Framework channel uses.</summary>
internal static class BotFrameworkHttpClients
{
    /// <summary>OpenID metadata and signing keys.</summary>
    public const string Metadata = "BotFramework.Metadata";

    /// <summary>MSAL's token requests.</summary>
    public const string Msal = "BotFramework.Msal";
}
