namespace CompassionBot.Sms;

/// <summary>What became of one outbound SMS.</summary>
public enum SmsSendOutcome
{
    /// <summary>Twilio accepted it.</summary>
    Sent,

    /// <summary>Not sent: the number has no recorded opt-in or opted out.</summary>
    NotPermitted,

    /// <summary>Twilio refused it because the recipient unsubscribed (error 21610); the number is now opted out.</summary>
    Unsubscribed,

    /// <summary>Twilio refused it or could not be reached, after the retry.</summary>
    Failed,
}
