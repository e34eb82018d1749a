namespace CompassionBot.Sms;

/// <summary>A recorded opt-in to SMS (US carrier rules: who, when, how, and the exact disclosure shown).</summary>
/// <param name="Phone">The number, E.164.</param>
/// <param name="RecordedBy">Who recorded it (the clinician's API key name).</param>
/// <param name="ConsentedAt">When the person agreed.</param>
/// <param name="Method">How: <c>web-form</c>, <c>paper</c>, <c>verbal</c>, <c>keyword</c>, ...</param>
/// <param name="Disclosure">The exact disclosure text the person saw or heard.</param>
public sealed record SmsConsent(string Phone, string RecordedBy, DateTimeOffset ConsentedAt, string Method, string Disclosure);
