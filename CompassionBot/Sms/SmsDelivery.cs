namespace CompassionBot.Sms;

/// <summary>Why a text goes out, which decides whether it may go to a number without a current opt-in.</summary>
public enum SmsDelivery
{
    /// <summary>A reply in a conversation: only with a recorded opt-in and no opt-out.</summary>
    Reply,

    /// <summary>A scheduled check-in or enrolment confirmation: only with a recorded opt-in and no opt-out.</summary>
    CheckIn,

    /// <summary>The answer to STOP or HELP, which carriers require whatever the number's state.</summary>
    KeywordResponse,

    /// <summary>
    /// The crisis referral in answer to the person's own crisis or concern message: to any number, also one without an
    /// opt-in or one that opted out (one attempt, never a follow-up).
    /// </summary>
    SafetyReply,

    /// <summary>The one short notice to a number without an opt-in (who we are, the crisis line): never after an opt-out.</summary>
    Notice,
}
