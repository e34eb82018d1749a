namespace CompassionBot.Sms;

/// <summary>What may be sent to a number.</summary>
/// <param name="ContactId">The contact's pseudonymous id (used in conversations and logs instead of the number).</param>
/// <param name="HasConsent">An opt-in is recorded.</param>
/// <param name="OptedOut">The number texted STOP (or the carrier said so) and has not texted START since.</param>
public sealed record SmsContactStatus(string ContactId, bool HasConsent, bool OptedOut)
{
    /// <summary>Whether ordinary messages (replies, check-ins) may go to this number.</summary>
    public bool MayMessage => HasConsent && !OptedOut;
}
