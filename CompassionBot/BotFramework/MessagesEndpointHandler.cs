using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>
/// Handles one <c>POST /api/messages</c>: validate input → authenticate → tenant allow-list → store the conversation
/// reference → run the turn. Normal delivery is acknowledged at once and the turn runs in the background;
/// <c>expectReplies</c> and <c>invoke</c> wait for the turn because the answer is the HTTP response.
/// Nothing is stored or processed for a request that fails any check.
/// </summary>
internal sealed partial class MessagesEndpointHandler(
    BotAdapter adapter,
    ChannelAuthenticator authenticator,
    ConnectorClient connector,
    ServiceUrlTrustList trust,
    IConversationReferenceStore references,
    BackgroundTurnRunner runner,
    MessageCatalog messages,
    ICrisisScreen crisisScreen,
    ISentenceEncoder encoder,
    ClinicOptions clinic,
    IOptions<BotFrameworkOptions> options,
    TimeProvider timeProvider,
    ILogger<MessagesEndpointHandler> logger)
{
    private const string TenantNotServedKey = "channels.tenantNotServed";
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

        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity!, http.RequestAborted).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            Log.AuthenticationFailed(logger, auth.StatusCode, auth.Reason, activity!.ChannelId);
            if (auth.StatusCode == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return TypedResults.Problem(statusCode: auth.StatusCode, title: auth.StatusCode == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden");
        }

        activity = TeamsActivityNormalizer.Normalize(activity! with { CallerId = auth.Authenticated ? CallerIdAzure : null });
        if (auth.Authenticated && activity.ServiceUrl is { } verifiedUrl)
        {
            trust.Trust(verifiedUrl);
        }

        if (!IsTenantAllowed(activity))
        {
            Log.TenantRefused(logger, activity.ChannelId, activity.Conversation?.Id);
            return await RefuseTenantAsync(activity, http.RequestAborted).ConfigureAwait(false);
        }

        if (activity.ServiceUrl is not null)
        {
            await SaveReferenceAsync(activity, auth.Authenticated, http.RequestAborted).ConfigureAwait(false);
        }

        return await RunTurnAsync(activity, http.RequestAborted).ConfigureAwait(false);
    }

    // The reference only serves later proactive messages: a store that takes no writes must not keep this message
    // (perhaps a crisis) from its turn.
    private async Task SaveReferenceAsync(Activity activity, bool authenticated, CancellationToken cancellationToken)
    {
        try
        {
            var reference = new StoredConversationReference(activity.GetConversationReference(), authenticated, timeProvider.GetUtcNow());
            await references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ReferenceNotSaved(logger, exception, activity.ChannelId, activity.Conversation?.Id);
        }
    }

    private async Task<IResult> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (IsExpectReplies(activity))
        {
            var result = await adapter.ProcessActivityAsync(activity, new ExpectRepliesChannelSender(), cancellationToken).ConfigureAwait(false);
            return ExpectedRepliesResult(result.Replies);
        }

        var sender = new ConnectorChannelSender(connector, activity.ServiceUrl!);
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            var result = await adapter.ProcessActivityAsync(activity, sender, cancellationToken).ConfigureAwait(false);
            return InvokeResult(result.InvokeResponse);
        }

        runner.Run(activity, ct => adapter.ProcessActivityAsync(activity, sender, ct));
        return TypedResults.Ok();
    }

    private bool IsTenantAllowed(Activity activity)
    {
        var allowed = options.Value.AllowedTenantIds;
        if (allowed.Count == 0 || !string.Equals(activity.ChannelId, TeamsActivityNormalizer.TeamsChannelId, StringComparison.Ordinal))
        {
            return true;
        }

        var tenantId = TeamsActivityNormalizer.GetTenantId(activity);
        return tenantId is not null && allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<IResult> RefuseTenantAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tenant not served");
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.MessageUpdate or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate))
        {
            return TypedResults.Ok();
        }

        var texts = await RefusalTextsAsync(activity, cancellationToken).ConfigureAwait(false);
        var replies = texts.Select(text => activity.AddressReply(Activity.CreateMessage(text))).ToList();
        if (replies.Count == 0)
        {
            return TypedResults.Ok();
        }

        if (IsExpectReplies(activity))
        {
            return ExpectedRepliesResult(replies);
        }

        var sender = new ConnectorChannelSender(connector, activity.ServiceUrl!);
        runner.Run(activity, ct => sender.SendAsync(replies, ct));
        return TypedResults.Ok();
    }

    // Even a person this deployment does not serve is screened, edits included: crisis language gets the region's
    // resources first. Nothing is stored (no conversation, no crisis event): there is no clinic relationship to record
    // it under. An edit gets only those resources, not the refusal again.
    private async Task<List<string>> RefusalTextsAsync(Activity activity, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        if (activity.IsMessageOrEdit && !string.IsNullOrWhiteSpace(activity.Text))
        {
            var assessment = await crisisScreen.ScreenAsync(new MessageUnderstanding(activity.Text, encoder), activity.Locale, cancellationToken).ConfigureAwait(false);
            var decision = SafetyPolicy.DecideWithoutState(assessment);
            if (decision.Action == SafetyAction.Refer)
            {
                texts.AddRange(SafetyTexts.Referral(messages, activity.Locale ?? SupportedLocales.English, CrisisRegion.Resolve(activity, clinic.Region, messages), decision.Urgency));
            }
        }

        if (!string.Equals(activity.Type, ActivityTypes.MessageUpdate, StringComparison.Ordinal))
        {
            texts.Add(messages.Get(TenantNotServedKey, activity.Locale));
        }

        return texts;
    }

    private static bool IsExpectReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);

    private static JsonHttpResult<ExpectedReplies> ExpectedRepliesResult(IReadOnlyList<Activity> replies) =>
        TypedResults.Json(
            new ExpectedReplies([.. replies.Where(r => !string.Equals(r.Type, ActivityTypes.Typing, StringComparison.Ordinal))]),
            BotJsonContext.Default.ExpectedReplies);

    private static IResult InvokeResult(InvokeResponse? response) => response switch
    {
        null => TypedResults.StatusCode(StatusCodes.Status501NotImplemented),
        { Body: { } body } => TypedResults.Content(body.GetRawText(), "application/json", statusCode: response.Status),
        _ => TypedResults.StatusCode(response.Status),
    };
}
