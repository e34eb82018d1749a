namespace CompassionBot.Clinicians.Clients;

/// <summary>A check-in text sent to the client.</summary>
/// <param name="EnrolmentId">The enrolment.</param>
/// <param name="SentAt">When it went out.</param>
/// <param name="RepliedAt">When the client replied, if they did.</param>
/// <param name="PracticeStartedAt">When the client started a practice from it, if they did.</param>
public sealed record CheckInEntry(string EnrolmentId, DateTimeOffset SentAt, DateTimeOffset? RepliedAt, DateTimeOffset? PracticeStartedAt);
