namespace CompassionBot.Clinicians.Console;

/// <summary>The clinician console's names: where it is served, its cookie scheme and its one authorization policy.</summary>
internal static class ClinicConsole
{
    /// <summary>Where the console is served.</summary>
    public const string Prefix = "/clinic";

    /// <summary>The console's sign-in page.</summary>
    public const string SignInPath = Prefix + "/sign-in";

    /// <summary>
    /// The policy every console page but sign-in requires: an authenticated clinician (a Name claim) from any of the
    /// console's schemes, through <see cref="Scheme"/>. Another sign-in (Entra ID) joins by choosing its cookie in
    /// <see cref="Scheme"/>'s <c>ForwardDefaultSelector</c>.
    /// </summary>
    public const string Policy = "ClinicConsole";

    /// <summary>The cookie scheme that keeps a console sign-in with a clinician key.</summary>
    public const string CookieScheme = "ClinicConsoleCookie";

    /// <summary>
    /// The scheme of <see cref="Policy"/>: reads whichever sign-in the request carries (<see cref="CookieScheme"/>
    /// unless another sign-in, such as Entra ID, chooses its own), and always sends the signed-out to the console's
    /// sign-in page: one challenge, whatever sign-ins are configured.
    /// </summary>
    public const string Scheme = "ClinicConsole";
}
