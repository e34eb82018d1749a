using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The crisis line of the person's region as a short phrase in their language (<c>crisisLine.&lt;region&gt;</c> in
/// <c>referrals.messages</c>, else <c>crisisLine.other</c>), for the <c>{crisisLine}</c> placeholder of the welcome,
/// help and check-in texts; and its emergency number (<c>emergencyLine.&lt;region&gt;</c>) for texts that name both,
/// such as the SMS HELP and STOP answers. On web chat their numbers are links (<see cref="PhoneLinks"/>). The full
/// referral is <see cref="ReferralResponder"/>'s.
/// </summary>
public static class CrisisLine
{
    /// <summary>Prefix of the phrases in the message catalog (<c>crisisLine.GB</c>).</summary>
    public const string KeyPrefix = "crisisLine.";

    /// <summary>Prefix of the emergency-number phrases in the message catalog (<c>emergencyLine.GB</c>).</summary>
    public const string EmergencyKeyPrefix = "emergencyLine.";

    /// <summary>The phrase for the region <see cref="CrisisRegion"/> finds for the turn, <paramref name="clinicRegion"/> when nothing better is known.</summary>
    public static string Text(MessageCatalog messages, ITurnContext context, string clinicRegion) =>
        Phrase(KeyPrefix, messages, context, clinicRegion);

    /// <summary>The emergency-number phrase for the same region as <see cref="Text"/>.</summary>
    public static string Emergency(MessageCatalog messages, ITurnContext context, string clinicRegion) =>
        Phrase(EmergencyKeyPrefix, messages, context, clinicRegion);

    private static string Phrase(string prefix, MessageCatalog messages, ITurnContext context, string clinicRegion)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(context);
        var region = CrisisRegion.Resolve(context.Activity, clinicRegion, messages);
        return PhoneLinks.For(context, messages.Get(CrisisRegion.MessageKey(messages, prefix, region), context.Locale));
    }
}
