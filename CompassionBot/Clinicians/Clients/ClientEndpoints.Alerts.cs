using System.Security.Claims;
using CompassionBot.Clinicians.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// The alert inbox: <c>GET /api/clinicians/alerts</c> (<c>?open=true</c> for unacknowledged only, <c>?clientId=</c> for
/// one client; unacknowledged first, newest first) and <c>POST /api/clinicians/alerts/{id}/acknowledge</c>.
/// </summary>
internal static partial class ClientEndpoints
{
    private static async Task<Ok<IReadOnlyList<AlertResponse>>> ListAlertsAsync(
        bool? open, string? clientId, ClaimsPrincipal user, ClinicianAlertStore alerts, ClientAccess access, ClientAccessLog accessLog, CancellationToken cancellationToken)
    {
        var found = await alerts.ListAsync(ClientAccess.ReadScope(user), clientId, includeAcknowledged: open != true, cancellationToken).ConfigureAwait(false);

        // Filtered by a client the reader may see, the inbox is a read of that client's data (also when it is empty).
        if (clientId is not null && await access.FindAsync(user, clientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            await accessLog.RecordAsync(user.Clinician(), clientId, ClientReadKinds.Alerts, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string id,
        AcknowledgeRequest? request,
        ClaimsPrincipal user,
        AlertAcknowledger acknowledger,
        ClinicianAlertStore alerts,
        CancellationToken cancellationToken)
    {
        var note = AlertAcknowledger.NormalizeNote(request?.Note);
        if (note is { Length: > AlertAcknowledger.MaxNoteLength })
        {
            return TypedResults.ValidationProblem(Errors("note", $"The note must be at most {AlertAcknowledger.MaxNoteLength} characters."));
        }

        var clinician = user.Clinician();
        return await acknowledger.AcknowledgeAsync(clinician, id, note, cancellationToken).ConfigureAwait(false) switch
        {
            AcknowledgeOutcome.NotFound => TypedResults.NotFound(),
            AcknowledgeOutcome.AlreadyAcknowledged => TypedResults.Problem(
                "This alert was acknowledged already; the first acknowledgement stands.", statusCode: StatusCodes.Status409Conflict, title: "Already acknowledged"),
            _ => TypedResults.Ok((await alerts.GetAsync(clinician, id, cancellationToken).ConfigureAwait(false))!),
        };
    }
}
