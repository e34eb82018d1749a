using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>
/// Answers a text from a number that may not be messaged (no recorded opt-in, or opted out), with only what carrier
/// rules allow in reply to the person's own message: crisis or concern language gets the referral
/// (<see cref="SafetyPolicy.DecideWithoutState"/>, one attempt, recorded and alerted like any referral); anything else
/// gets one short notice naming the clinic and the crisis line, once per number and never after an opt-out. No
/// conversation state is kept and no practice runs. A referral Twilio does not take is recorded on its crisis event as
/// <see cref="CrisisOutcome.NotReached"/>.
/// </summary>
internal sealed class SmsUnenrolledResponder(
    ICrisisScreen screen,
    ISentenceEncoder encoder,
    ICrisisResponder responder,
    ICrisisEventStore events,
    MessageCatalog messages,
    ClinicOptions clinic,
    IOptions<ContentOptions> content,
    SmsContactStore contacts,
    SmsOutbox outbox,
    TimeProvider timeProvider,
    ILogger<SmsUnenrolledResponder> logger)
{
    /// <summary>The notice to a number without an opt-in (<c>sms.messages</c>).</summary>
    public const string NoticeKey = "sms.notice";

    /// <summary>
    /// Answers <paramref name="activity"/> from <paramref name="phone"/>, whose <paramref name="status"/> does not allow
    /// ordinary replies. False when the text is a carrier keyword with nothing of concern in it: the turn answers that
    /// (<see cref="SmsKeywordInterruption"/>).
    /// </summary>
    public async Task<bool> TryRespondAsync(Activity activity, string phone, SmsContactStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(status);
        var message = string.IsNullOrWhiteSpace(activity.Text) ? null : new MessageUnderstanding(activity.Text, encoder);
        var locale = LanguageGuesser.Guess(message?.Canonical ?? string.Empty, activity.Locale ?? content.Value.DefaultLocale);
        if (message is not null)
        {
            var assessment = await screen.ScreenAsync(message, activity.Locale, cancellationToken).ConfigureAwait(false);
            var decision = SafetyPolicy.DecideWithoutState(assessment);
            if (decision.Action == SafetyAction.Refer)
            {
                await ReferAsync(activity, phone, status, message, locale, decision, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        if (IsAnsweredKeyword(activity.Text, status))
        {
            return false;
        }

        if (status.OptedOut)
        {
            Log.UnenrolledAnswered(logger, status.ContactId, status.OptedOut, "nothing");
            return true;
        }

        await SendNoticeOnceAsync(activity, phone, status, locale, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// After a turn whose texts Twilio refused or could not take: when that turn referred the person (its crisis event
    /// exists), records <see cref="CrisisOutcome.NotReached"/> on the event.
    /// </summary>
    public async Task RecordIfReferralUndeliveredAsync(Activity activity, string contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var eventId = CrisisEventIds.For(activity);
        var recorded = await events.ListAsync(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, cancellationToken).ConfigureAwait(false);
        if (recorded.Any(e => e.Id == eventId))
        {
            await RecordNotReachedAsync(eventId, contactId, cancellationToken).ConfigureAwait(false);
        }
    }

    // The carrier keywords the turn answers whatever the number's state: STOP and HELP; START only lifts an opt-out.
    private static bool IsAnsweredKeyword(string? text, SmsContactStatus status) => SmsKeywordRecognizer.Recognize(text) switch
    {
        SmsKeyword.OptOut or SmsKeyword.Help => true,
        SmsKeyword.OptIn => status.OptedOut,
        _ => false,
    };

    // The referral as the gate would send it (ReferralResponder: the region of the number, the message's language, the
    // audit record and the clinician alert), delivered as a safety reply: to this number whatever its state, once.
    private async Task ReferAsync(
        Activity activity, string phone, SmsContactStatus status, MessageUnderstanding message, string locale, SafetyDecision decision, CancellationToken cancellationToken)
    {
        var sender = new SmsChannelSender(phone, outbox, SmsDelivery.SafetyReply);
        var state = new TurnState(new StateDocument(StateKeys.Conversation(activity), null, null), new StateDocument(StateKeys.User(activity), null, null));
        var context = new TurnContext(activity, state, sender) { Safety = decision.Assessment, Locale = locale };
        var turn = new BotTurn(context, new DialogSet().CreateContext(context, new DialogState()), messages) { Message = message };
        var eventId = await responder.ReferAsync(turn, decision.Assessment, decision.Urgency, again: false, cancellationToken).ConfigureAwait(false);
        await sender.SendAsync(context.Replies, cancellationToken).ConfigureAwait(false);
        Log.UnenrolledAnswered(logger, status.ContactId, status.OptedOut, "referral");
        if (sender.Undelivered && eventId is not null)
        {
            await RecordNotReachedAsync(eventId, status.ContactId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendNoticeOnceAsync(Activity activity, string phone, SmsContactStatus status, string locale, CancellationToken cancellationToken)
    {
        if (!await contacts.TryClaimNoticeAsync(phone, cancellationToken).ConfigureAwait(false))
        {
            Log.UnenrolledAnswered(logger, status.ContactId, status.OptedOut, "nothing (notice already sent)");
            return;
        }

        var region = CrisisRegion.Resolve(activity, clinic.Region, messages);
        var text = messages.Get(
            NoticeKey,
            locale,
            ("clinic", clinic.Name),
            ("crisisLine", messages.Get(CrisisRegion.MessageKey(messages, CrisisLine.KeyPrefix, region), locale)),
            ("emergencyLine", messages.Get(CrisisRegion.MessageKey(messages, CrisisLine.EmergencyKeyPrefix, region), locale)));
        var result = await outbox.SendAsync(phone, text, SmsDelivery.Notice, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SmsSendOutcome.Failed)
        {
            // Twilio did not take it: the next message from this number gets it instead.
            await contacts.ReleaseNoticeAsync(phone, cancellationToken).ConfigureAwait(false);
        }

        Log.UnenrolledAnswered(logger, status.ContactId, status.OptedOut, "notice");
    }

    private async Task RecordNotReachedAsync(string eventId, string contactId, CancellationToken cancellationToken)
    {
        try
        {
            await events.RecordOutcomeAsync(eventId, CrisisOutcome.NotReached, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            Log.ReferralNotReached(logger, contactId, eventId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ReferralNotReachedUnrecorded(logger, contactId, eventId, exception);
        }
    }
}
