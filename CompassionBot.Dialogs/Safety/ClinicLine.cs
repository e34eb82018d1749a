namespace CompassionBot.Dialogs.Safety;

/// <summary>The clinic's part of a referral.</summary>
/// <param name="Contact">How to reach the clinic (the configured contact, or the "number your clinician gave you" text).</param>
/// <param name="Alerted">Whether the clinician is alerted (alerts are configured and the event was recorded).</param>
public sealed record ClinicLine(string Contact, bool Alerted);
