using System.Security.Claims;
using System.Text.Json;
using CompassionBot.CheckIns;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using CompassionBot.Sms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians;

/// <summary><c>POST /api/clinicians/enrolments/{id}/crisis/close</c>: a clinician ends the crisis mode of the client's conversation.</summary>
public static partial class ClinicianEndpoints
{
    /// <summary>Longest body the close endpoint reads (it holds one event id).</summary>
    private const int MaxCloseBodyChars = 4096;

    /// <summary>
    /// Records <see cref="CrisisOutcome.ClinicianClosed"/> on the event keeping the client's conversation in crisis mode
    /// (its alert goes to the webhook as an outcome); the next message the client sends is answered as usual, and check-in
    /// nudges resume. 404 for an unknown enrolment, 400 (problem+json) for a body that is not <see cref="CrisisCloseRequest"/>
    /// or names an event of another conversation, 409 (problem+json) when there is nothing open to close.
    /// </summary>
    private static async Task<Results<Ok<CrisisCloseResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CloseCrisisAsync(
        string id,
        HttpContext context,
        ClaimsPrincipal user,
        CheckInStore store,
        SmsContactStore contacts,
        ICrisisEventStore events,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadCloseRequestAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(problem);
        }

        if (await FindOwnAsync(store, user, id, cancellationToken).ConfigureAwait(false) is not { } enrolment)
        {
            return TypedResults.NotFound();
        }

        var conversationId = await contacts.ContactIdAsync(enrolment.Phone, cancellationToken).ConfigureAwait(false);
        var open = await EnrolmentCrisisMode.OpenEventAsync(events, conversationId, cancellationToken).ConfigureAwait(false);
        if (body?.EventId is { } eventId)
        {
            var known = await events.ListAsync(SmsWebhookHandler.ChannelId, conversationId, cancellationToken).ConfigureAwait(false);
            if (!known.Any(e => e.Id == eventId))
            {
                return TypedResults.ValidationProblem(Problem("eventId", "No crisis event with this id belongs to this client's conversation."));
            }

            if (open?.Id != eventId)
            {
                return Conflict("This event no longer keeps the conversation in crisis mode: it has an outcome already, or a newer crisis followed it.");
            }
        }

        if (open is null)
        {
            return Conflict("This client's conversation is not in crisis mode.");
        }

        var now = timeProvider.GetUtcNow();
        await events.RecordOutcomeAsync(open.Id, CrisisOutcome.ClinicianClosed, now, cancellationToken).ConfigureAwait(false);
        var clinician = user.Clinician();
        var logger = loggers.CreateLogger(typeof(ClinicianEndpoints));
        Log.CrisisClosed(logger, open.Id, enrolment.Id, clinician);
        return TypedResults.Ok(new CrisisCloseResponse(enrolment.Id, open.Id, CrisisAlertKinds.Name(CrisisOutcome.ClinicianClosed), now));
    }

    // No body, or a JSON object with an optional eventId; anything else is a 400 with the reason.
    private static async Task<(CrisisCloseRequest? Body, Dictionary<string, string[]>? Problem)> ReadCloseRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxCloseBodyChars + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        var text = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (read > MaxCloseBodyChars || !request.HasJsonContentType())
        {
            return (null, Problem("body", "Send no body, or a short JSON object (application/json) such as {\"eventId\":\"...\"}."));
        }

        try
        {
            var body = JsonSerializer.Deserialize<CrisisCloseRequest>(text, JsonSerializerOptions.Web);
            return body is { EventId: not null and { Length: 0 } }
                ? (null, Problem("eventId", "The event id must not be empty."))
                : (body, null);
        }
        catch (JsonException)
        {
            return (null, Problem("body", "The body is not a JSON object with an optional string eventId."));
        }
    }

    private static Dictionary<string, string[]> Problem(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Nothing to close");
}
