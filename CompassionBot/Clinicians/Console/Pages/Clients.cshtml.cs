using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>The clinician's clients (a clinic admin's: everyone's), searchable by alias, with last activity, open alerts and check-ins.</summary>
internal sealed class ClientsModel(ClientAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<ClientResponse> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Clients = await access.ListAsync(User, Search, cancellationToken).ConfigureAwait(false);
}
