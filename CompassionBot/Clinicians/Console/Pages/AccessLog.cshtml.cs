using CompassionBot.Clinicians.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>The access log for clinic admins (others are refused): who read which client's data, what and when, newest first.</summary>
internal sealed class AccessLogModel(ClientAccessLog log) : PageModel
{
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];

    /// <summary>Entries older than this one (the previous page's last), or the newest when null.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>The <see cref="Before"/> of the next (older) page; null on the last page.</summary>
    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await log.ListAsync(clientId: null, Before, AccessLogEndpoints.DefaultLimit, cancellationToken).ConfigureAwait(false);
        NextBefore = Entries.Count == AccessLogEndpoints.DefaultLimit ? Entries[^1].Id : null;
    }
}
