namespace CompassionBot.Dialogs.Practices;

/// <summary>How a practice's steps ended.</summary>
/// <param name="NotResonating">True when the person signalled the practice was not landing.</param>
/// <param name="Signals">The engagement signals seen (feature names).</param>
public sealed record StepsOutcome(bool NotResonating, IReadOnlyList<string> Signals);
