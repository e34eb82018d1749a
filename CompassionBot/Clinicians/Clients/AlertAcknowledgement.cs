namespace CompassionBot.Clinicians.Clients;

/// <summary>Who acknowledged an alert, when, and their short note.</summary>
public sealed record AlertAcknowledgement(string By, DateTimeOffset At, string? Note);
