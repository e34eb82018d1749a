namespace CompassionBot.Clinicians.Console;

/// <summary>The clinician console's names: where it is served, its cookie scheme and its one authorization policy.</summary>
internal static class ClinicConsole
{
    /// <summary>Where the console is served.</summary>
    public const string Prefix = "/clinic";

    /// <summary>
    /// The policy every console page but sign-in requires: an authenticated clinician (a Name claim) from any of the
    /// console's schemes. Another sign-in (OpenID Connect) joins by adding its scheme to this policy.
    /// </summary>
    public const string Policy = "ClinicConsole";

    /// <summary>The cookie scheme that keeps a console sign-in.</summary>
    public const string CookieScheme = "ClinicConsoleCookie";
}
