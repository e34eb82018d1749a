namespace CompassionBot.Sms;

/// <summary>Sends one SMS body to one number (no consent checks: <see cref="SmsOutbox"/> does those).</summary>
public interface ISmsGateway
{
    /// <summary>Sends <paramref name="body"/> to <paramref name="phone"/> (E.164).</summary>
    /// <returns>
    /// <see cref="SmsSendOutcome.Sent"/> with Twilio's message SID, <see cref="SmsSendOutcome.Unsubscribed"/> or
    /// <see cref="SmsSendOutcome.Failed"/>.
    /// </returns>
    Task<SmsSendResult> SendAsync(string phone, string body, CancellationToken cancellationToken);
}
