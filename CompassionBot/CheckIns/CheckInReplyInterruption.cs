using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Sms;

namespace CompassionBot.CheckIns;

/// <summary>
/// On SMS: the answer to a check-in ("1" a 2-minute practice, "2" later, "3" not today) and schedule changes by text
/// ("pause for a week", "change my time to 7pm"). Runs after the safety gate and the carrier keywords.
/// </summary>
internal sealed class CheckInReplyInterruption(CheckInStore store, PracticeCatalog practices, SmsTurnIdentity identity, TimeProvider timeProvider)
    : IInterruptionHandler
{
    /// <summary>The longest practice offered from a check-in ("a 2-minute kindness break").</summary>
    public const int CheckInPracticeMinutes = 2;

    public async Task<bool> TryHandleAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Context.Activity;
        if (!ChannelKinds.IsSms(activity.ChannelId))
        {
            return false;
        }

        var answer = (activity.Text ?? string.Empty).Trim().TrimEnd('.', '!');
        if (SmsReplies.IsCheckInReply(activity) && answer is "1" or "2" or "3")
        {
            return await AnswerCheckInAsync(turn, answer, cancellationToken).ConfigureAwait(false);
        }

        if (ScheduleCommandRecognizer.Recognize(activity.Text) is not { } command
            || await identity.PhoneAsync(activity, cancellationToken).ConfigureAwait(false) is not { } phone)
        {
            return false;
        }

        await turn.Context.HoldConversationAsync(cancellationToken).ConfigureAwait(false);
        var enrolment = await store.FindActiveByPhoneAsync(phone, cancellationToken).ConfigureAwait(false);
        if (enrolment is null)
        {
            await turn.SayAsync("checkin.notEnrolled", cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (command.PauseFor is { } pause)
        {
            var until = timeProvider.GetUtcNow() + pause;
            await store.SetStatusAsync(enrolment.Id, EnrolmentStatus.Paused, until, cancellationToken).ConfigureAwait(false);
            var days = ((int)pause.TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await turn.SayAsync("checkin.paused", cancellationToken, ("days", days)).ConfigureAwait(false);
            return true;
        }

        var time = command.NewTime!.Value;
        if (time < CheckInOptions.WindowStart || time >= CheckInOptions.WindowEnd)
        {
            await turn.SayAsync("checkin.timeOutsideWindow", cancellationToken).ConfigureAwait(false);
            return true;
        }

        await store.ChangeTimeAsync(enrolment.Id, time, cancellationToken).ConfigureAwait(false);
        await turn.SayAsync("checkin.timeChanged", cancellationToken, ("time", CheckInTexts.Time(time, turn.Locale))).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> AnswerCheckInAsync(BotTurn turn, string answer, CancellationToken cancellationToken)
    {
        if (answer != "1")
        {
            await turn.SayAsync(answer == "2" ? "checkin.later" : "checkin.notToday", cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (await identity.PhoneAsync(turn.Context.Activity, cancellationToken).ConfigureAwait(false) is { } phone)
        {
            await turn.Context.HoldConversationAsync(cancellationToken).ConfigureAwait(false);
            await store.MarkPracticeStartedAsync(phone, cancellationToken).ConfigureAwait(false);
        }

        var practice = PracticeRecommender.Rank(practices.All(turn.Locale), turn.Profile).FirstOrDefault(p => p.Minutes <= CheckInPracticeMinutes);
        await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await turn.Dialogs.BeginDialogAsync(nameof(MainDialog), new MainDialogState(practice?.Id, null, [], []), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
