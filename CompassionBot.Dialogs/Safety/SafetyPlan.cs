namespace CompassionBot.Dialogs.Safety;

/// <summary>A person's safety plan as their clinician put it on file (Stanley–Brown style: warning signs, coping, people, professionals).</summary>
/// <param name="Text">The plan as the clinic wrote it, shown to the person in a crisis turn.</param>
/// <param name="UpdatedAt">When the clinic last changed it.</param>
public sealed record SafetyPlan(string Text, DateTimeOffset UpdatedAt);
