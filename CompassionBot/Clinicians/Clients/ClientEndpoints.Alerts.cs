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
    /// <summary>Longest acknowledgement note.</summary>
    public const int MaxNoteLength = 500;

    private static async Task<Ok<IReadOnlyList<AlertResponse>>> ListAlertsAsync(
        bool? open, string? clientId, ClaimsPrincipal user, ClinicianAlertStore alerts, ClientStore clients, ClientAccessLog accessLog, CancellationToken cancellationToken)
    {
        var reader = ClinicianAccess.Of(user);
        var found = await alerts.ListAsync(reader, clientId, includeAcknowledged: open != true, cancellationToken).ConfigureAwait(false);

        // Filtered by a client the reader may see, the inbox is a read of that client's data (also when it is empty).
        if (clientId is not null && await clients.GetAsync(reader, clientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            await accessLog.RecordAsync(reader.Clinician, clientId, ClientReadKinds.Alerts, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string id,
        AcknowledgeRequest? request,
        ClaimsPrincipal user,
        ClinicianAlertStore alerts,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return TypedResults.ValidationProblem(Errors("note", $"The note must be at most {MaxNoteLength} characters."));
        }

        var clinician = user.Clinician();
        if (await alerts.GetAsync(clinician, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        if (!await alerts.AcknowledgeAsync(clinician, id, clinician, note, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem("This alert was acknowledged already; the first acknowledgement stands.", statusCode: StatusCodes.Status409Conflict, title: "Already acknowledged");
        }

        return TypedResults.Ok((await alerts.GetAsync(clinician, id, cancellationToken).ConfigureAwait(false))!);
    }
}
