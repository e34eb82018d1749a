using System.Security.Claims;
using CompassionBot.CheckIns;
using CompassionBot.Clinicians.Access;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians;

/// <summary>
/// The clinician API (<c>Authorization: ApiKey &lt;key&gt;</c>): enrol a client for SMS check-ins, read, pause,
/// resume or end an enrolment, and end the crisis mode of the client's conversation; client records
/// (<see cref="ClientEndpoints"/>). A clinician reaches only their own enrolments and clients: anything else is 404.
/// </summary>
public static partial class ClinicianEndpoints
{
    /// <summary>Route prefix.</summary>
    public const string Prefix = "/api/clinicians";

    /// <summary>Maps the clinician endpoints.</summary>
    public static IEndpointRouteBuilder MapClinicians(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Prefix).RequireAuthorization(ApiKeyAuthenticationHandler.SchemeName).DisableAntiforgery();
        group.MapPost("/enrolments", EnrolAsync);
        group.MapGet("/enrolments/{id}", GetAsync).RecordsClientRead(ClientReadKinds.Enrolment, answer => (answer as EnrolmentResponse)?.ClientId);
        group.MapPost("/enrolments/{id}/pause", (string id, PauseRequest? body, ClaimsPrincipal user, CheckInStore store, CancellationToken ct) =>
            SetStatusAsync(store, user, id, EnrolmentStatus.Paused, body?.Until, ct));
        group.MapPost("/enrolments/{id}/resume", (string id, ClaimsPrincipal user, CheckInStore store, CancellationToken ct) =>
            SetStatusAsync(store, user, id, EnrolmentStatus.Active, null, ct));
        group.MapPost("/enrolments/{id}/end", (string id, ClaimsPrincipal user, CheckInStore store, CancellationToken ct) =>
            SetStatusAsync(store, user, id, EnrolmentStatus.Ended, null, ct));
        group.MapPost("/enrolments/{id}/crisis/close", CloseCrisisAsync);
        group.MapClients();
        group.MapAccessLog();
        return endpoints;
    }

    private static async Task<Results<Created<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> EnrolAsync(
        EnrolmentRequest request,
        ClaimsPrincipal user,
        CheckInStore store,
        SmsContactStore contacts,
        EnrolmentClients enrolmentClients,
        CheckInDispatcher dispatcher,
        IOptions<SmsOptions> sms,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!sms.Value.Enabled)
        {
            return TypedResults.Problem(
                "This service has no SMS provider configured (Sms:Twilio:AccountSid, AuthToken and PhoneNumber), so it cannot send check-ins. Nothing was enrolled.",
                statusCode: StatusCodes.Status409Conflict,
                title: "SMS is not configured");
        }

        var clinician = user.Clinician();
        var (enrolment, consent, errors) = EnrolmentFactory.Create(request, clinician, sms.Value.DefaultRegion, timeProvider.GetUtcNow());
        if (enrolment is null || consent is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await contacts.RecordConsentAsync(consent, cancellationToken).ConfigureAwait(false);
        await store.CreateAsync(enrolment, cancellationToken).ConfigureAwait(false);
        var clientId = await enrolmentClients.JoinAsync(enrolment, request.Alias, cancellationToken).ConfigureAwait(false);
        var logger = loggers.CreateLogger(typeof(ClinicianEndpoints));
        Log.Enrolled(logger, enrolment.Id, clinician);

        // The confirmation text goes out now when the client's local time allows, else with the scheduler's next round.
        await dispatcher.ProcessAsync(enrolment, cancellationToken).ConfigureAwait(false);
        var view = await enrolmentClients.ViewAsync(enrolment, clientId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"{Prefix}/enrolments/{enrolment.Id}", view);
    }

    private static async Task<Results<Ok<EnrolmentResponse>, NotFound>> GetAsync(
        string id, ClaimsPrincipal user, CheckInStore store, EnrolmentClients enrolmentClients, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } enrolment || !ClientAccess.CanRead(user, enrolment.Clinician))
        {
            return TypedResults.NotFound();
        }

        var clientId = await store.ClientIdAsync(enrolment.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await enrolmentClients.ViewAsync(enrolment, clientId, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<NoContent, NotFound>> SetStatusAsync(
        CheckInStore store, ClaimsPrincipal user, string id, EnrolmentStatus status, DateTimeOffset? until, CancellationToken cancellationToken) =>
        await FindOwnAsync(store, user, id, cancellationToken).ConfigureAwait(false) is not null
            && await store.SetStatusAsync(id, status, until, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    // Another clinician's enrolment is not found: 404, not 403, so enrolment ids do not leak.
    private static async Task<CheckInEnrolment?> FindOwnAsync(CheckInStore store, ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } enrolment && enrolment.Clinician == user.Clinician() ? enrolment : null;
}
