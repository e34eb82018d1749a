using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>The clinic this deployment serves.</summary>
public sealed class ClinicOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Clinic";

    /// <summary>The clinic's name, as shown to clients.</summary>
    public string Name { get; set; } = "your clinic";

    /// <summary>Shown when <see cref="Contact"/> is not configured.</summary>
    public const string UnsetContact = "the phone number your clinician gave you";

    /// <summary>How clients reach the clinic (phone, hours), shown in help texts.</summary>
    public string Contact { get; set; } = UnsetContact;

    /// <summary>ISO 3166 region used for crisis resources when nothing better is known (default <c>US</c>).</summary>
    public string Region { get; set; } = "US";

    /// <summary>Prefix of the short crisis-line phrases in the message catalog (<c>crisisLine.GB</c>).</summary>
    public const string CrisisLineKeyPrefix = "crisisLine.";

    /// <summary>
    /// <see cref="Contact"/> for <paramref name="turn"/>: the configured contact, or — when it is not configured — the
    /// <c>clinic.contact.unset</c> text in the person's language.
    /// </summary>
    public string ContactText(BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return string.IsNullOrWhiteSpace(Contact) || Contact == UnsetContact ? turn.Text("clinic.contact.unset") : Contact;
    }

    /// <summary>
    /// The crisis line of the person's region (<see cref="CrisisRegion"/>, this clinic's <see cref="Region"/> when
    /// nothing better is known) as a short phrase in their language, for the <c>{crisisLine}</c> placeholder.
    /// </summary>
    public string CrisisLineText(MessageCatalog messages, ITurnContext context)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(context);
        var region = CrisisRegion.Resolve(context.Activity, Region);
        return messages.Get(CrisisRegion.MessageKey(messages, CrisisLineKeyPrefix, region), context.Locale);
    }
}
