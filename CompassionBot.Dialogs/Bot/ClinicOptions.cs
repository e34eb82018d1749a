namespace CompassionBot.Dialogs.Bot;

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

    /// <summary>
    /// <see cref="Contact"/> for <paramref name="turn"/>: the configured contact, or — when it is not configured — the
    /// <c>clinic.contact.unset</c> text in the person's language.
    /// </summary>
    public string ContactText(BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return string.IsNullOrWhiteSpace(Contact) || Contact == UnsetContact ? turn.Text("clinic.contact.unset") : Contact;
    }
}
