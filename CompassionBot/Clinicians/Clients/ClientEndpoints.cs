using System.Security.Claims;
using System.Security.Cryptography;
using CompassionBot.Clinicians.Access;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Client records under <c>/api/clinicians/clients</c>: create (with a link code), list (searchable by alias), get,
/// a new link code, the timeline of what the client shares, the safety plan, and the alert inbox. A clinician sees only their own clients (another clinician's
/// client is 404); a clinic admin (<see cref="ClientAccess"/>) reads every clinician's, and changes only their own.
/// </summary>
internal static partial class ClientEndpoints
{
    /// <summary>Longest alias.</summary>
    public const int MaxAliasLength = 64;

    /// <summary>Maps the client endpoints on the clinician API's group.</summary>
    public static RouteGroupBuilder MapClients(this RouteGroupBuilder group)
    {
        group.MapPost("/clients", CreateAsync);
        group.MapGet("/clients", ListAsync);
        group.MapGet("/clients/{id}", GetAsync).RecordsClientRead(ClientReadKinds.Client);
        group.MapPost("/clients/{id}/link-codes", NewLinkCodeAsync);
        group.MapGet("/clients/{id}/timeline", TimelineAsync).RecordsClientRead(ClientReadKinds.Timeline);
        group.MapGet("/clients/{id}/sessions.csv", ExportSessionsAsync).RecordsClientRead(ClientReadKinds.Export);
        group.MapGet("/clients/{id}/safety-plan", GetSafetyPlanAsync).RecordsClientRead(ClientReadKinds.SafetyPlan);
        group.MapPut("/clients/{id}/safety-plan", PutSafetyPlanAsync);
        group.MapGet("/alerts", ListAlertsAsync);
        group.MapPost("/alerts/{id}/acknowledge", AcknowledgeAsync);
        return group;
    }

    /// <summary>The clinician the request authenticated as (the API key's name).</summary>
    public static string Clinician(this ClaimsPrincipal user) => user.Identity!.Name!;

    private static async Task<Results<Created<ClientCreatedResponse>, ValidationProblem>> CreateAsync(
        ClientRequest request,
        ClaimsPrincipal user,
        ClientStore clients,
        ClientLinkStore links,
        ClinicOptions clinic,
        IOptions<SmsOptions> sms,
        IOptions<ClinicianApiOptions> options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var alias = request.Alias?.Trim();
        Require(errors, alias is { Length: > 0 and <= MaxAliasLength }, "alias", $"An alias of 1 to {MaxAliasLength} characters is required (a name for the client that is not their legal name).");
        var locale = SupportedLocales.Match(request.Locale ?? SupportedLocales.English);
        Require(errors, locale is not null, "locale", "Locale must be en or es.");
        var region = CrisisRegion.Normalize(request.Region ?? clinic.Region);
        Require(errors, region is not null, "region", "Region must be a two-letter ISO 3166 code, e.g. US.");
        var phone = request.Phone is null ? null : PhoneNumberNormalizer.ToE164(request.Phone, sms.Value.DefaultRegion);
        Require(errors, request.Phone is null || phone is not null, "phone", "The phone number is not a valid mobile number, e.g. +14155552671.");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var client = new ClientRecord(NewId(), user.Clinician(), alias!, locale!, region!, phone, timeProvider.GetUtcNow());
        await clients.CreateAsync(client, cancellationToken).ConfigureAwait(false);
        var code = await IssueCodeAsync(links, client.Id, options.Value, timeProvider, cancellationToken).ConfigureAwait(false);
        var view = new ClientResponse(client.Id, client.Alias, client.Locale, client.Region, client.Phone is not null, [], null, 0, null, client.CreatedAt);
        return TypedResults.Created($"{ClinicianEndpoints.Prefix}/clients/{client.Id}", new ClientCreatedResponse(view, code));
    }

    private static async Task<Ok<IReadOnlyList<ClientResponse>>> ListAsync(
        string? search, ClaimsPrincipal user, ClientAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok(await access.ListAsync(user, search, cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<ClientResponse>, NotFound>> GetAsync(
        string id, ClaimsPrincipal user, ClientAccess access, ClientViews views, CancellationToken cancellationToken) =>
        await access.FindAsync(user, id, cancellationToken).ConfigureAwait(false) is { } client
            ? TypedResults.Ok(await views.ViewAsync(client, cancellationToken).ConfigureAwait(false))
            : TypedResults.NotFound();

    private static async Task<Results<Created<LinkCodeResponse>, NotFound>> NewLinkCodeAsync(
        string id,
        ClaimsPrincipal user,
        ClientAccess access,
        ClientLinkStore links,
        IOptions<ClinicianApiOptions> options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (await access.FindOwnAsync(user, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var code = await IssueCodeAsync(links, id, options.Value, timeProvider, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"{ClinicianEndpoints.Prefix}/clients/{id}", code);
    }

    private static async Task<Results<Ok<TimelineResponse>, NotFound>> TimelineAsync(
        string id, ClaimsPrincipal user, ClientAccess access, ClientTimelines timelines, CancellationToken cancellationToken) =>
        await access.FindAsync(user, id, cancellationToken).ConfigureAwait(false) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await timelines.ReadAsync(id, cancellationToken).ConfigureAwait(false));

    private static async Task<LinkCodeResponse> IssueCodeAsync(
        ClientLinkStore links, string clientId, ClinicianApiOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var code = LinkCode.Generate();
        var expiresAt = timeProvider.GetUtcNow() + options.LinkCodeLifetime;
        await links.AddCodeAsync(clientId, LinkCode.Hash(LinkCode.Normalize(code)!), expiresAt, cancellationToken).ConfigureAwait(false);
        return new LinkCodeResponse(code, expiresAt);
    }

    /// <summary>A new client id (random, no personal data).</summary>
    public static string NewId() => "cli-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    private static void Require(Dictionary<string, string[]> errors, bool condition, string field, string message)
    {
        if (!condition)
        {
            errors[field] = [message];
        }
    }
}
