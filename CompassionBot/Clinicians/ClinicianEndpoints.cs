using System.Security.Claims;
using CompassionBot.CheckIns;
using CompassionBot.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians;

/// <summary>
/// The clinician API (<c>Authorization: ApiKey &lt;key&gt;</c>): enrol a client for SMS check-ins, read, pause,
/// resume or end an enrolment, and end the crisis mode of the client's conversation.
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
        group.MapGet("/enrolments/{id}", GetAsync);
        group.MapPost("/enrolments/{id}/pause", (string id, PauseRequest? body, CheckInStore store, CancellationToken ct) =>
            SetStatusAsync(store, id, EnrolmentStatus.Paused, body?.Until, ct));
        group.MapPost("/enrolments/{id}/resume", (string id, CheckInStore store, CancellationToken ct) => SetStatusAsync(store, id, EnrolmentStatus.Active, null, ct));
        group.MapPost("/enrolments/{id}/end", (string id, CheckInStore store, CancellationToken ct) => SetStatusAsync(store, id, EnrolmentStatus.Ended, null, ct));
        group.MapPost("/enrolments/{id}/crisis/close", CloseCrisisAsync);
        return endpoints;
    }

    private static async Task<Results<Created<EnrolmentResponse>, ValidationProblem>> EnrolAsync(
        EnrolmentRequest request,
        ClaimsPrincipal user,
        CheckInStore store,
        SmsContactStore contacts,
        CheckInDispatcher dispatcher,
        IOptions<SmsOptions> sms,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var clinician = user.Identity!.Name!;
        var (enrolment, consent, errors) = EnrolmentFactory.Create(request, clinician, sms.Value.DefaultRegion, timeProvider.GetUtcNow());
        if (enrolment is null || consent is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await contacts.RecordConsentAsync(consent, cancellationToken).ConfigureAwait(false);
        await store.CreateAsync(enrolment, cancellationToken).ConfigureAwait(false);
        var logger = loggers.CreateLogger(typeof(ClinicianEndpoints));
        Log.Enrolled(logger, enrolment.Id, clinician);

        // The confirmation text goes out now when the client's local time allows, else with the scheduler's next round.
        await dispatcher.ProcessAsync(enrolment, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"{Prefix}/enrolments/{enrolment.Id}", EnrolmentResponse.From(enrolment));
    }

    private static async Task<Results<Ok<EnrolmentResponse>, NotFound>> GetAsync(string id, CheckInStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } enrolment
            ? TypedResults.Ok(EnrolmentResponse.From(enrolment))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> SetStatusAsync(
        CheckInStore store, string id, EnrolmentStatus status, DateTimeOffset? until, CancellationToken cancellationToken) =>
        await store.SetStatusAsync(id, status, until, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : TypedResults.NotFound();
}
