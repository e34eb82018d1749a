using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>
/// Sign-in with a clinician key of <c>Clinic:ApiKeys</c>: the console's cookie then carries the key's name, as the API's
/// header does. Tries are limited per client address (<see cref="ConsoleSignInLimiter"/>); beyond the limit the page
/// answers 429 and the key is not looked at.
/// </summary>
internal sealed class SignInModel(ClinicianKeys keys, ConsoleSignInLimiter limiter, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>A console page to go back to after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the key given was not a clinician's.</summary>
    public bool Failed { get; private set; }

    /// <summary>Which limit held this address's try back, if one did.</summary>
    public ConsoleSignInAttempt Limited { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (limiter.TryAttempt(address) is var attempt and not ConsoleSignInAttempt.Allowed)
        {
            Log.SignInLimited(logger);
            Limited = attempt;
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        if (keys.Authenticate(key?.Trim() ?? string.Empty, ClinicConsole.CookieScheme) is not { } identity)
        {
            limiter.Failed(address);
            Log.SignInRefused(logger);
            Failed = true;
            return Page();
        }

        await HttpContext.SignInAsync(ClinicConsole.CookieScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        Log.SignedIn(logger, identity.Name);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(ClinicConsole.Prefix, StringComparison.Ordinal) ? ReturnUrl : ClinicConsole.Prefix);
    }
}
