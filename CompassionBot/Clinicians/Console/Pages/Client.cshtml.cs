using CompassionBot.CheckIns;
using CompassionBot.Clinicians.Access;
using CompassionBot.Clinicians.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompassionBot.Clinicians.Console.Pages;

/// <summary>
/// A client's page: distress before and after each session as a chart, which families resonate, the timeline, the
/// safety plan editor, the check-in schedule and unlinking. Another clinician's client is not found, except to a clinic
/// admin, who reads it (each showing recorded in the access log) but changes only their own.
/// </summary>
internal sealed class ClientModel(
    ClientAccess access,
    ClientViews views,
    ClientTimelines timelines,
    ClientSafetyPlans plans,
    ClientEnrolments enrolments,
    ClientLinkStore links,
    ClientAccessLog accessLog,
    ILogger<ClientModel> logger) : PageModel
{
    public ClientResponse Client { get; private set; } = null!;

    public DistressChart Chart { get; private set; } = null!;

    public IReadOnlyList<PracticeSessionEntry> RatedSessions => [.. Chart.Points.Select(p => p.Session)];

    public IReadOnlyList<FamilyResonance> Families { get; private set; } = [];

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    public SafetyPlanResponse? Plan { get; private set; }

    public IReadOnlyList<EnrolmentResponse> Enrolments { get; private set; } = [];

    /// <summary>The plan as typed when it could not be kept.</summary>
    public string? PlanDraft { get; private set; }

    /// <summary>What the last form did (<c>plan</c>, <c>schedule</c>, <c>unlinked</c>), to say so.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSafetyPlanAsync(string id, string? plan, CancellationToken cancellationToken)
    {
        if (await access.FindOwnAsync(User, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        if (ClientSafetyPlans.Normalize(plan) is not { } text)
        {
            await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            PlanDraft = plan;
            ModelState.AddModelError("plan", string.Empty);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await plans.SetAsync(id, text, cancellationToken).ConfigureAwait(false);
        return Changed(id, "plan");
    }

    public async Task<IActionResult> OnPostScheduleAsync(string id, string enrolmentId, string change, CancellationToken cancellationToken)
    {
        EnrolmentStatus? status = change switch
        {
            "pause" => EnrolmentStatus.Paused,
            "resume" => EnrolmentStatus.Active,
            "end" => EnrolmentStatus.Ended,
            _ => null,
        };
        return status is not null
            && await access.FindOwnAsync(User, id, cancellationToken).ConfigureAwait(false) is not null
            && await enrolments.SetStatusAsync(id, enrolmentId, status.Value, cancellationToken).ConfigureAwait(false)
            ? Changed(id, "schedule")
            : NotFound();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string id, CancellationToken cancellationToken)
    {
        if (await access.FindOwnAsync(User, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        await links.UnlinkClientAsync(id, cancellationToken).ConfigureAwait(false);
        return Changed(id, "unlinked");
    }

    private RedirectToPageResult Changed(string id, string change)
    {
        Log.ClientChanged(logger, User.Identity?.Name, id, change);
        return RedirectToPage(new { id, done = change });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, cancellationToken).ConfigureAwait(false) is not { } client)
        {
            return false;
        }

        // Recorded before anything is shown: a showing that cannot be recorded fails.
        await accessLog.RecordAsync(User.Clinician(), id, ClientReadKinds.ConsolePage, cancellationToken).ConfigureAwait(false);
        Client = await views.ViewAsync(client, cancellationToken).ConfigureAwait(false);
        var timeline = await timelines.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        Chart = DistressChart.From(timeline.Sessions);
        Families = FamilyResonance.From(timeline.Sessions);
        Timeline = TimelineItem.From(timeline);
        Plan = await plans.GetAsync(id, cancellationToken).ConfigureAwait(false);
        Enrolments = await enrolments.ListAsync(id, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
