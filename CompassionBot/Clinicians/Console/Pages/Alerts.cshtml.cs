using CompassionBot.Clinicians.Access;
using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>
/// The clinician's alert inbox (crisis, concern, unanswered check-ins), open first and newest first, with acknowledgement.
/// A clinic admin's lists every clinician's alerts, each with its clinician (other clinicians' clients recorded in the
/// access log), and acknowledges only their own.
/// </summary>
internal sealed class AlertsModel(ClinicianAlertStore alerts, AlertAcknowledger acknowledger, ClientAccessLog accessLog, ILogger<AlertsModel> logger) : PageModel
{
    public IReadOnlyList<AlertResponse> Alerts { get; private set; } = [];

    /// <summary>Whether each alert is labelled with its clinician (a clinic admin's inbox).</summary>
    public bool ShowsClinicians => ClientAccess.IsAdmin(User);

    /// <summary>What the last acknowledgement did (<c>acknowledged</c>, <c>already</c>, <c>note</c>), to say so.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await alerts.ListAsync(ClientAccess.ReadScope(User), null, includeAcknowledged: true, cancellationToken).ConfigureAwait(false);

        // Recorded before anything is shown, like the client page: a showing that cannot be recorded fails.
        foreach (var clientId in found.Where(a => !IsOwn(a)).Select(a => a.ClientId).Distinct())
        {
            await accessLog.RecordAsync(Clinician, clientId, ClientReadKinds.Alerts, cancellationToken).ConfigureAwait(false);
        }

        Alerts = found;
    }

    /// <summary>Whether <paramref name="alert"/> is the signed-in clinician's own, which only they acknowledge.</summary>
    public bool IsOwn(AlertResponse alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return string.Equals(alert.Clinician, Clinician, StringComparison.Ordinal);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(string alertId, string? note, CancellationToken cancellationToken)
    {
        var kept = AlertAcknowledger.NormalizeNote(note);
        if (kept is { Length: > AlertAcknowledger.MaxNoteLength })
        {
            return RedirectToPage(new { done = "note" });
        }

        var outcome = await acknowledger.AcknowledgeAsync(Clinician, alertId, kept, cancellationToken).ConfigureAwait(false);
        if (outcome == AcknowledgeOutcome.NotFound)
        {
            return NotFound();
        }

        Log.AlertAcknowledged(logger, Clinician, alertId);
        return RedirectToPage(new { done = outcome == AcknowledgeOutcome.Acknowledged ? "acknowledged" : "already" });
    }

    private string Clinician => User.Clinician();
}
