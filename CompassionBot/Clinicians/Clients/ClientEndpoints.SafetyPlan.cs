using System.Security.Claims;
using CompassionBot.Dialogs.Safety;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Clients;

/// <summary><c>GET</c>/<c>PUT /api/clinicians/clients/{id}/safety-plan</c>: the plan the bot shows the client in a crisis referral.</summary>
internal static partial class ClientEndpoints
{
    /// <summary>Longest safety plan.</summary>
    public const int MaxSafetyPlanLength = 1000;

    private static async Task<Results<Ok<SafetyPlanResponse>, NotFound>> GetSafetyPlanAsync(
        string id, ClaimsPrincipal user, ClientStore clients, ISafetyPlanStore plans, CancellationToken cancellationToken) =>
        await clients.GetAsync(ClinicianAccess.Of(user), id, cancellationToken).ConfigureAwait(false) is not null
            && await plans.GetAsync(ClientSafetyPlanStore.ChannelId, id, cancellationToken).ConfigureAwait(false) is { } plan
            ? TypedResults.Ok(new SafetyPlanResponse(plan.Text, plan.UpdatedAt))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SafetyPlanResponse>, NotFound, ValidationProblem>> PutSafetyPlanAsync(
        string id,
        SafetyPlanRequest request,
        ClaimsPrincipal user,
        ClientStore clients,
        ISafetyPlanStore plans,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim();
        if (text is not { Length: > 0 and <= MaxSafetyPlanLength })
        {
            return TypedResults.ValidationProblem(Errors("text", $"The plan must be 1 to {MaxSafetyPlanLength} characters."));
        }

        if (await clients.GetAsync(user.Clinician(), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var plan = new SafetyPlan(text, timeProvider.GetUtcNow());
        await plans.SetAsync(ClientSafetyPlanStore.ChannelId, id, plan, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new SafetyPlanResponse(plan.Text, plan.UpdatedAt));
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
