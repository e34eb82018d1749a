namespace CompassionBot.Clinicians.Clients;

/// <summary>Body of <c>PUT /api/clinicians/clients/{id}/safety-plan</c>.</summary>
/// <param name="Text">The plan as the client will read it in a crisis referral (1–1000 characters).</param>
public sealed record SafetyPlanRequest(string? Text);
