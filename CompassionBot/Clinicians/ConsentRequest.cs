namespace CompassionBot.Clinicians;

/// <summary>An opt-in as recorded by the clinic.</summary>
/// <param name="ConsentedAt">When the client agreed.</param>
/// <param name="Method">How: <c>web-form</c>, <c>paper</c>, <c>verbal</c>, ...</param>
/// <param name="Disclosure">The exact disclosure text shown or read to the client.</param>
/// <param name="RecordedBy">Who took the consent (defaults to the API key's name).</param>
public sealed record ConsentRequest(DateTimeOffset? ConsentedAt, string? Method, string? Disclosure, string? RecordedBy);
