namespace CompassionBot.Dialogs.Conversation;

/// <summary>The clinic this deployment serves.</summary>
public sealed class ClinicOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Clinic";

    /// <summary>The clinic's name, as shown to clients.</summary>
    public string Name { get; set; } = "your clinic";

    /// <summary>How clients reach the clinic (phone, hours), shown in help texts.</summary>
    public string Contact { get; set; } = "the phone number your clinician gave you";

    /// <summary>ISO 3166 region used for crisis resources when nothing better is known (default <c>US</c>).</summary>
    public string Region { get; set; } = "US";
}
