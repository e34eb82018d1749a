using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>The clinician's alert inbox (crisis, concern, unanswered check-ins), open first and newest first, with acknowledgement.</summary>
internal sealed class AlertsModel(ClinicianAlertStore alerts, AlertAcknowledger acknowledger, ILogger<AlertsModel> logger) : PageModel
{
    public IReadOnlyList<AlertResponse> Alerts { get; private set; } = [];

    /// <summary>What the last acknowledgement did (<c>acknowledged</c>, <c>already</c>, <c>note</c>), to say so.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Alerts = await alerts.ListAsync(Clinician, null, includeAcknowledged: true, cancellationToken).ConfigureAwait(false);

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
