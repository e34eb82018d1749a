using CompassionBot.Clinicians.EntraId;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>Signs out of the console (a form post, so a link elsewhere cannot sign anyone out).</summary>
internal sealed class SignOutModel(IAuthenticationSchemeProvider schemes) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(ClinicConsole.Prefix);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ClinicConsole.CookieScheme).ConfigureAwait(false);

        // Signing out of the console ends an Entra ID sign-in here too (not the Microsoft account itself).
        if (await schemes.GetSchemeAsync(EntraIdSignIn.CookieScheme).ConfigureAwait(false) is not null)
        {
            await HttpContext.SignOutAsync(EntraIdSignIn.CookieScheme).ConfigureAwait(false);
        }
        return LocalRedirect(ClinicConsole.Prefix + "/sign-in");
    }
}
