using CompassionBot.CheckIns;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>
/// <c>POST /api/sms/twilio</c>, for a request whose signature <see cref="TwilioSignatureAuthenticationHandler"/> has
/// checked (403 otherwise, nothing processed): drops repeated <c>MessageSid</c>s, answers at once with empty TwiML and runs the turn in the background; replies go out through
/// the Twilio REST API. A number without a current opt-in gets no turn: <see cref="SmsUnenrolledResponder"/> answers
/// it (the referral, or one notice), except for the carrier keywords the turn answers.
/// </summary>
internal sealed class SmsWebhookHandler(
    SmsContactStore contacts,
    CheckInStore checkIns,
    SmsOutbox outbox,
    SmsUnenrolledResponder unenrolled,
    BackgroundTurnRunner runner,
    BotAdapter adapter,
    IOptions<SmsOptions> options,
    TimeProvider timeProvider,
    ILogger<SmsWebhookHandler> logger)
{
    public const string ChannelId = "twilio-sms";

    public const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var sid = form["MessageSid"].ToString();
        var phone = PhoneNumberNormalizer.ToE164(form["From"].ToString(), options.Value.DefaultRegion);
        if (sid.Length == 0 || phone is null)
        {
            Log.Unusable(logger);
            return Twiml();
        }

        if (!await IsFirstDeliveryAsync(sid, cancellationToken).ConfigureAwait(false))
        {
            Log.Duplicate(logger, sid);
            return Twiml();
        }

        Activity activity;
        SmsContactStatus status;
        try
        {
            status = await contacts.StatusAsync(phone, cancellationToken).ConfigureAwait(false);
            activity = await ToActivityAsync(sid, phone, status.ContactId, form["Body"].ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Twilio retries a failed webhook: the message must not be lost as a "duplicate" of itself.
            await contacts.ForgetInboundAsync(sid, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        runner.Run(activity, ct => RunAsync(activity, phone, status, ct));
        return Twiml();
    }

    private async Task RunAsync(Activity activity, string phone, SmsContactStatus status, CancellationToken cancellationToken)
    {
        if (!status.MayMessage && await unenrolled.TryRespondAsync(activity, phone, status, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var sender = new SmsChannelSender(phone, outbox);
        await adapter.ProcessActivityAsync(activity, sender, cancellationToken).ConfigureAwait(false);
        if (sender.Undelivered)
        {
            // Twilio may know of an opt-out we do not (21610): a referral it refused is recorded for the clinician.
            await unenrolled.RecordIfReferralUndeliveredAsync(activity, status.ContactId, cancellationToken).ConfigureAwait(false);
        }
    }

    // A store that takes no writes (disk full) cannot tell a repeat from a first delivery: the message is answered (a
    // crisis gets its referral), at the cost of answering a repeat twice.
    private async Task<bool> IsFirstDeliveryAsync(string sid, CancellationToken cancellationToken)
    {
        try
        {
            return await contacts.TryRecordInboundAsync(sid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.InboundNotRecorded(logger, sid, exception);
            return true;
        }
    }

    // Likewise a check-in that cannot be marked answered: the reply is still handled, as a message of its own.
    private async Task<bool> TryMarkCheckInAnsweredAsync(string phone, string contactId, CancellationToken cancellationToken)
    {
        try
        {
            return await checkIns.TryMarkAnsweredAsync(phone, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CheckInAnswerNotRecorded(logger, contactId, exception);
            return false;
        }
    }

    private async Task<Activity> ToActivityAsync(string sid, string phone, string contactId, string body, CancellationToken cancellationToken)
    {
        var enrolment = await checkIns.FindActiveByPhoneAsync(phone, cancellationToken).ConfigureAwait(false);
        var answersCheckIn = await TryMarkCheckInAnsweredAsync(phone, contactId, cancellationToken).ConfigureAwait(false);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = sid,
            Timestamp = timeProvider.GetUtcNow(),
            ChannelId = ChannelId,
            From = new ChannelAccount { Id = contactId, Role = "user" },
            Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
            Conversation = new ConversationAccount { Id = contactId },
            ServiceUrl = options.Value.PublicBaseUrl,
            Text = body,
            TextFormat = "plain",
            Locale = enrolment?.Locale,

            // The activity names the person by a pseudonymous id, never the number; the number's country goes on, so
            // crisis referrals and crisis-line texts name that country's services.
            Entities = CrisisRegion.FromPhoneNumber(phone) is { } country ? [Entity.ClientInfo(country)] : null,
        };
        return answersCheckIn ? SmsReplies.AsCheckInReply(activity) : activity;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Twiml() => TypedResults.Text(EmptyTwiml, "text/xml");
}
