namespace CompassionBot.Clinicians.Clients;

/// <summary>A client's safety plan as the clinician API shows it.</summary>
public sealed record SafetyPlanResponse(string Text, DateTimeOffset UpdatedAt);
