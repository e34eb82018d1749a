using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Clients;

/// <summary><c>GET</c>/<c>PUT /api/clinicians/clients/{id}/safety-plan</c>: the plan the bot shows the client in a crisis referral.</summary>
internal static partial class ClientEndpoints
{
    private static async Task<Results<Ok<SafetyPlanResponse>, NotFound>> GetSafetyPlanAsync(
        string id, ClaimsPrincipal user, ClientAccess access, ClientSafetyPlans plans, CancellationToken cancellationToken) =>
        await access.FindAsync(user, id, cancellationToken).ConfigureAwait(false) is not null
            && await plans.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SafetyPlanResponse>, NotFound, ValidationProblem>> PutSafetyPlanAsync(
        string id, SafetyPlanRequest request, ClaimsPrincipal user, ClientAccess access, ClientSafetyPlans plans, CancellationToken cancellationToken)
    {
        if (ClientSafetyPlans.Normalize(request.Text) is not { } text)
        {
            return TypedResults.ValidationProblem(Errors("text", $"The plan must be 1 to {ClientSafetyPlans.MaxLength} characters."));
        }

        if (await access.FindOwnAsync(user, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await plans.SetAsync(id, text, cancellationToken).ConfigureAwait(false));
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
