using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>The console's friendly error page, for its failed requests (the API keeps problem+json).</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    /// <summary>Whether the failed request was for something that is not there (or not the clinician's).</summary>
    public bool IsNotFound { get; private set; }

    public void OnGet() => Describe();

    // A failed form post is re-executed as a post.
    public void OnPost() => Describe();

    private void Describe() =>
        IsNotFound = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null && Response.StatusCode == StatusCodes.Status404NotFound;
}
