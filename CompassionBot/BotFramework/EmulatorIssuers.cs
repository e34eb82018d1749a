namespace CompassionBot.BotFramework;

/// <summary>Issuers of the Entra ID tokens the Bot Framework Emulator sends (public and US Government clouds).</summary>
internal static class EmulatorIssuers
{
    public static IReadOnlyList<string> Known { get; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>The known issuers plus, for a single-tenant app, its own tenant's.</summary>
    public static IReadOnlyList<string> For(BotFrameworkOptions options) =>
        string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
            ? Known
            : [.. Known, $"https://sts.windows.net/{options.MicrosoftAppTenantId}/", $"https://login.microsoftonline.com/{options.MicrosoftAppTenantId}/v2.0"];
}
