using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>Signs out of the console (a form post, so a link elsewhere cannot sign anyone out).</summary>
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(ClinicConsole.Prefix);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ClinicConsole.CookieScheme).ConfigureAwait(false);
        return LocalRedirect(ClinicConsole.Prefix + "/sign-in");
    }
}
