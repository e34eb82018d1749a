namespace CompassionBot.BotFramework;

/// <summary>Values of <see cref="BotFrameworkOptions.MicrosoftAppType"/>.</summary>
public static class BotFrameworkAppTypes
{
    /// <summary>App registered in any tenant; tokens from the <c>botframework.com</c> tenant; needs a password.</summary>
    public const string MultiTenant = "MultiTenant";

    /// <summary>App registered in one tenant; needs a password and the tenant id.</summary>
    public const string SingleTenant = "SingleTenant";

    /// <summary>User-assigned managed identity; needs the tenant id and no password.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";
}
