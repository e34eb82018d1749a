using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>
/// <see cref="BotFrameworkOptions.AllowedTenantIds"/>: whether a Teams activity comes from a tenant the clinic serves,
/// and the answer to one that does not (no turn runs and nothing is stored).
/// </summary>
internal sealed class UnservedTenantResponder(
    IOptions<BotFrameworkOptions> options,
    MessageCatalog messages,
    ICrisisScreen crisisScreen,
    ISentenceEncoder encoder,
    ClinicOptions clinic,
    ConnectorClient connector,
    BackgroundTurnRunner runner)
{
    private const string TenantNotServedKey = "channels.tenantNotServed";

    public bool IsServed(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var allowed = options.Value.AllowedTenantIds;
        if (allowed.Count == 0 || !string.Equals(activity.ChannelId, TeamsActivityNormalizer.TeamsChannelId, StringComparison.Ordinal))
        {
            return true;
        }

        var tenantId = TeamsActivityNormalizer.GetTenantId(activity);
        return tenantId is not null && allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IResult> RespondAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
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

        if (MessagesResults.IsExpectReplies(activity))
        {
            return MessagesResults.ExpectedReplies(replies);
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
}
