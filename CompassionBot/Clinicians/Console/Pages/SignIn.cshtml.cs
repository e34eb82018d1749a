using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>Sign-in with a clinician key of <c>Clinic:ApiKeys</c>: the console's cookie then carries the key's name, as the API's header does.</summary>
internal sealed class SignInModel(ClinicianKeys keys, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>A console page to go back to after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the key given was not a clinician's.</summary>
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (keys.Authenticate(key?.Trim() ?? string.Empty, ClinicConsole.CookieScheme) is not { } identity)
        {
            Log.SignInRefused(logger);
            Failed = true;
            return Page();
        }

        await HttpContext.SignInAsync(ClinicConsole.CookieScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        Log.SignedIn(logger, identity.Name);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(ClinicConsole.Prefix, StringComparison.Ordinal) ? ReturnUrl : ClinicConsole.Prefix);
    }
}
