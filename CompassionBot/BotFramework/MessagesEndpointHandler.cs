using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CompassionBot.BotFramework;

/// <summary>
/// Handles one <c>POST /api/messages</c> from a caller the channel scheme has authenticated: validate input → the
/// caller's token covers the activity (<see cref="ChannelActivityRequirement"/>) → tenant allow-list → store the
/// conversation reference → run the turn. Normal delivery is acknowledged at once and the turn runs in the background;
/// <c>expectReplies</c> and <c>invoke</c> wait for the turn because the answer is the HTTP response.
/// Nothing is stored or processed for a request that fails any check.
/// </summary>
internal sealed class MessagesEndpointHandler(
    BotAdapter adapter,
    IAuthorizationService authorization,
    UnservedTenantResponder tenants,
    ConnectorClient connector,
    IConversationReferenceStore references,
    BackgroundTurnRunner runner,
    TimeProvider timeProvider,
    ILogger<MessagesEndpointHandler> logger)
{
    private const string CallerIdAzure = "urn:botframework:azure";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (activity, problem) = await ActivityRequestReader.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            Log.RequestRejected(logger, problem.Status ?? 400, problem.Title);
            return TypedResults.Problem(problem);
        }

        var covered = await authorization.AuthorizeAsync(http.User, activity, ChannelActivityRequirement.Instance).ConfigureAwait(false);
        if (!covered.Succeeded)
        {
            return TypedResults.Forbid(authenticationSchemes: [ChannelAuthenticationHandler.SchemeName]);
        }

        var verified = ChannelIdentity.IsVerified(http.User);
        activity = TeamsActivityNormalizer.Normalize(activity! with { CallerId = verified ? CallerIdAzure : null });
        if (!tenants.IsServed(activity))
        {
            Log.TenantRefused(logger, activity.ChannelId, activity.Conversation?.Id);
            return await tenants.RespondAsync(activity, http.RequestAborted).ConfigureAwait(false);
        }

        if (activity.ServiceUrl is not null)
        {
            await SaveReferenceAsync(activity, verified, http.RequestAborted).ConfigureAwait(false);
        }

        return await RunTurnAsync(activity, http.RequestAborted).ConfigureAwait(false);
    }

    // The reference only serves later proactive messages: a store that takes no writes must not keep this message
    // (perhaps a crisis) from its turn.
    private async Task SaveReferenceAsync(Activity activity, bool verified, CancellationToken cancellationToken)
    {
        try
        {
            var reference = new StoredConversationReference(activity.GetConversationReference(), verified, timeProvider.GetUtcNow());
            await references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ReferenceNotSaved(logger, exception, activity.ChannelId, activity.Conversation?.Id);
        }
    }

    private async Task<IResult> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (MessagesResults.IsExpectReplies(activity))
        {
            var result = await adapter.ProcessActivityAsync(activity, new ExpectRepliesChannelSender(), cancellationToken).ConfigureAwait(false);
            return MessagesResults.ExpectedReplies(result.Replies);
        }

        var sender = new ConnectorChannelSender(connector, activity.ServiceUrl!);
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            var result = await adapter.ProcessActivityAsync(activity, sender, cancellationToken).ConfigureAwait(false);
            return MessagesResults.Invoke(result.InvokeResponse);
        }

        runner.Run(activity, ct => adapter.ProcessActivityAsync(activity, sender, ct));
        return TypedResults.Ok();
    }
}
