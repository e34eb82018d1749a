namespace CompassionBot.Sms;

/// <summary>Sends one SMS body to one number (no consent checks: <see cref="SmsOutbox"/> does those).</summary>
public interface ISmsGateway
{
    /// <summary>Sends <paramref name="body"/> to <paramref name="phone"/> (E.164).</summary>
    /// <returns><see cref="SmsSendOutcome.Sent"/>, <see cref="SmsSendOutcome.Unsubscribed"/> or <see cref="SmsSendOutcome.Failed"/>.</returns>
    Task<SmsSendOutcome> SendAsync(string phone, string body, CancellationToken cancellationToken);
}
