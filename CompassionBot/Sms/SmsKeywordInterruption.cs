using CompassionBot.CheckIns;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Sms;

/// <summary>
/// STOP / START / HELP on SMS channels (US carrier rules). Runs after the safety gate (so a crisis message is never
/// swallowed) and before the core interruptions, where "stop" would only end a practice: on SMS it is a legal
/// opt-out. An opted-out number gets one confirmation and then silence until it texts START, UNSTOP or YES.
/// </summary>
internal sealed class SmsKeywordInterruption(SmsContactStore contacts, CheckInStore checkIns, ClinicOptions clinic, SmsTurnIdentity identity) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Context.Activity;
        if (!ChannelKinds.IsSms(activity.ChannelId) || await identity.PhoneAsync(activity, cancellationToken).ConfigureAwait(false) is not { } phone)
        {
            return false;
        }

        var keyword = SmsKeywordRecognizer.Recognize(activity.Text);
        if (keyword is SmsKeyword.OptOut or SmsKeyword.OptIn)
        {
            // An opt-out or opt-in happens, and is confirmed, once: this run of the turn is the one that commits.
            await turn.Context.HoldConversationAsync(cancellationToken).ConfigureAwait(false);
        }

        var status = await contacts.StatusAsync(phone, cancellationToken).ConfigureAwait(false);
        switch (keyword)
        {
            case SmsKeyword.OptOut:
                await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                if (await contacts.OptOutAsync(phone, "keyword", cancellationToken).ConfigureAwait(false))
                {
                    await SayKeywordResponseAsync(turn, "sms.optOut.confirm", cancellationToken).ConfigureAwait(false);
                }

                return true;
            case SmsKeyword.OptIn when status.OptedOut:
                await contacts.OptInAsync(phone, cancellationToken).ConfigureAwait(false);
                var frequency = await FrequencyAsync(turn, phone, cancellationToken).ConfigureAwait(false);
                await turn.SayAsync("sms.optIn.confirm", cancellationToken, ("clinic", clinic.Name), ("frequency", frequency)).ConfigureAwait(false);
                return true;
            case SmsKeyword.Help:
                await SayKeywordResponseAsync(turn, "sms.help", cancellationToken).ConfigureAwait(false);
                if (status.MayMessage)
                {
                    await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            default:
                // Opted out: nothing is answered (the safety gate has still screened the text).
                return status.OptedOut;
        }
    }

    private Task SayKeywordResponseAsync(BotTurn turn, string key, CancellationToken cancellationToken)
    {
        // The crisis and emergency lines are those of the sender's country (from the number), not always 988 and 911.
        var text = turn.Text(
            key,
            ("clinic", clinic.Name),
            ("contact", clinic.ContactText(turn)),
            ("crisisLine", CrisisLine.Text(turn.Messages, turn.Context, clinic.Region)),
            ("emergencyLine", CrisisLine.Emergency(turn.Messages, turn.Context, clinic.Region)));
        return turn.Context.SendActivityAsync(SmsReplies.AsKeywordResponse(Activity.CreateMessage(text) with { Locale = turn.Locale }), cancellationToken);
    }

    private async Task<string> FrequencyAsync(BotTurn turn, string phone, CancellationToken cancellationToken)
    {
        var enrolment = await checkIns.FindActiveByPhoneAsync(phone, cancellationToken).ConfigureAwait(false);
        return CheckInTexts.Frequency(turn.Messages, turn.Locale, enrolment);
    }
}
