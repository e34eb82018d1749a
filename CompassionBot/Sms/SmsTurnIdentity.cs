using CompassionBot.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace CompassionBot.Sms;

/// <summary>
/// The phone number behind an SMS turn. Our Twilio channel addresses people by a pseudonymous contact id; Azure Bot
/// Service's <c>sms</c> channel uses the number itself.
/// </summary>
internal sealed class SmsTurnIdentity(SmsContactStore contacts, IOptions<SmsOptions> options)
{
    public async Task<string?> PhoneAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.Id is not { Length: > 0 } id)
        {
            return null;
        }

        return await contacts.PhoneAsync(id, cancellationToken).ConfigureAwait(false)
            ?? (activity.ChannelId == "sms" ? PhoneNumberNormalizer.ToE164(id, options.Value.DefaultRegion) : null);
    }
}
