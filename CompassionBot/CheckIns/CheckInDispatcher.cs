using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Sms;
using Microsoft.Extensions.Options;

namespace CompassionBot.CheckIns;

/// <summary>
/// Sends what is due for each enrolment: first the enrolment confirmation (program, frequency, rates, HELP, STOP),
/// then one check-in per schedule slot inside the 08:00–21:00 local window. Nothing goes to a paused, ended or
/// opted-out number, no nudge while the client's conversation is in crisis mode (<see cref="CheckInOptions.CrisisQuietPeriod"/>),
/// and an unanswered check-in is never repeated.
/// </summary>
/// <remarks>
/// Any number of instances may run this on one database: claim (a leased row, see <see cref="CheckInStore"/>), mark
/// sending, send, record. Only the claimer sends and records. An instance that dies before marking sending leaves a
/// claim another instance takes over once its lease (<see cref="CheckInOptions.ClaimTimeout"/>) expires; one that dies
/// after marking sending leaves an uncertain send: a check-in is then not sent again (at most once), the confirmation is.
/// </remarks>
internal sealed class CheckInDispatcher(
    CheckInStore store,
    SmsContactStore contacts,
    SmsOutbox outbox,
    MessageCatalog messages,
    ClinicOptions clinic,
    IClinicianNotifier notifier,
    ICrisisEventStore crisisEvents,
    IOptions<CheckInOptions> options,
    IOptions<SmsOptions> sms,
    TimeProvider timeProvider,
    ILogger<CheckInDispatcher> logger,
    BotMetrics? metrics = null)
{
    /// <summary>Processes every open enrolment; one failing enrolment does not stop the others.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        if (!sms.Value.Enabled)
        {
            return;
        }

        foreach (var enrolment in await store.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
#pragma warning disable CA1031 // A background loop logs and continues; the claim makes the retry safe.
            try
            {
                await ProcessAsync(enrolment, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.EnrolmentFailed(logger, ex, enrolment.Id);
            }
#pragma warning restore CA1031
        }
    }

    /// <summary>Sends what is due now for <paramref name="enrolment"/>.</summary>
    public async Task ProcessAsync(CheckInEnrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var now = timeProvider.GetUtcNow();
        if (!sms.Value.Enabled || !TryFindZone(enrolment, out var zone) || !await IsActiveAsync(enrolment, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var contact = await contacts.StatusAsync(enrolment.Phone, cancellationToken).ConfigureAwait(false);
        if (!contact.MayMessage)
        {
            return;
        }

        if (enrolment.ConfirmedAt is null)
        {
            await ConfirmAsync(enrolment, zone, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CheckInClock.LatestDueSlot(enrolment, zone, now, options.Value.MaxLateness) is not { } due)
        {
            return;
        }

        // Held, not claimed: the slot still goes out if crisis mode ends before it is too late.
        if (await IsInCrisisModeAsync(contact.ContactId, now, cancellationToken).ConfigureAwait(false))
        {
            Log.HeldInCrisisMode(logger, enrolment.Id);
            return;
        }

        var claim = await store.ClaimSlotAsync(enrolment, due.Slot, due.Due, options.Value.ClaimTimeout, options.Value.UnansweredLimit, cancellationToken).ConfigureAwait(false);
        if (claim.Outcome == ClaimOutcome.SkipAndLowerFrequency)
        {
            await store.RecordNotificationAsync(enrolment, ClinicianNotification.UnansweredCheckIns, cancellationToken).ConfigureAwait(false);
            var notification = new ClinicianNotification(
                $"{claim.Key}:{ClinicianNotification.UnansweredCheckIns}", enrolment.Clinician, enrolment.Id, ClinicianNotification.UnansweredCheckIns, SmsWebhookHandler.ChannelId, now);
            await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
            Log.FrequencyLowered(logger, enrolment.Id);
        }
        else if (claim.Outcome == ClaimOutcome.Send)
        {
            var text = messages.Get("checkin.prompt", enrolment.Locale, ("clinic", clinic.Name));
            if (await SendAsync(enrolment, claim, text, cancellationToken).ConfigureAwait(false) is { } result)
            {
                var status = result.Outcome switch { SmsSendOutcome.Sent => "sent", SmsSendOutcome.Failed => "failed", _ => "skipped" };
                await store.CompleteAsync(claim, enrolment.Id, status, result.MessageSid, cancellationToken).ConfigureAwait(false);
                Log.CheckInSent(logger, enrolment.Id, status);
                metrics?.RecordCheckInSend(status);
            }
        }
    }

    private async Task<bool> IsInCrisisModeAsync(string contactId, DateTimeOffset now, CancellationToken cancellationToken) =>
        options.Value.CrisisQuietPeriod > TimeSpan.Zero
        && await EnrolmentCrisisMode.OpenEventAsync(crisisEvents, contactId, cancellationToken).ConfigureAwait(false) is { } open
        && now - open.OccurredAt < options.Value.CrisisQuietPeriod;

    private async Task ConfirmAsync(CheckInEnrolment enrolment, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!CheckInClock.IsWithinWindow(now, zone)
            || await store.ClaimConfirmationAsync(enrolment.Id, options.Value.ClaimTimeout, cancellationToken).ConfigureAwait(false) is not { Outcome: ClaimOutcome.Send } claim)
        {
            return;
        }

        var text = messages.Get(
            "sms.enrolled.confirm",
            enrolment.Locale,
            ("clinic", clinic.Name),
            ("frequency", CheckInTexts.Frequency(messages, enrolment.Locale, enrolment)));
        if (await SendAsync(enrolment, claim, text, cancellationToken).ConfigureAwait(false) is not { } result)
        {
            return;
        }

        metrics?.RecordCheckInSend(result.Outcome == SmsSendOutcome.Failed ? "confirmation_failed" : "confirmation");

        // A failed confirmation goes back to claimed and is tried again when its lease expires: no check-in goes out before it.
        if (result.Outcome == SmsSendOutcome.Failed)
        {
            await store.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.CompleteAsync(claim, enrolment.Id, "confirmation", result.MessageSid, cancellationToken).ConfigureAwait(false);
        }
    }

    // Past BeginSendAsync there is no way back: Twilio cannot de-duplicate, so the row stays 'sending' until recorded.
    private async Task<SmsSendResult?> SendAsync(CheckInEnrolment enrolment, CheckInClaim claim, string text, CancellationToken cancellationToken)
    {
        if (!await store.BeginSendAsync(claim, options.Value.ClaimTimeout, cancellationToken).ConfigureAwait(false))
        {
            Log.ClaimLost(logger, claim.Key);
            return null;
        }

        return await outbox.SendAsync(enrolment.Phone, text, SmsDelivery.CheckIn, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsActiveAsync(CheckInEnrolment enrolment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (enrolment.Status == EnrolmentStatus.Active)
        {
            return true;
        }

        if (enrolment.Status == EnrolmentStatus.Paused && enrolment.PausedUntil is { } until && until <= now)
        {
            return await store.SetStatusAsync(enrolment.Id, EnrolmentStatus.Active, null, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private bool TryFindZone(CheckInEnrolment enrolment, out TimeZoneInfo zone)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(enrolment.TimeZone, out var found))
        {
            zone = found;
            return true;
        }

        Log.UnknownTimeZone(logger, enrolment.Id);
        zone = TimeZoneInfo.Utc;
        return false;
    }
}
