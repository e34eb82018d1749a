namespace CompassionBot.CheckIns;

/// <summary>A change to check-ins a client asked for by text.</summary>
/// <param name="PauseFor">"pause for a week": how long to pause.</param>
/// <param name="NewTime">"change my time to 7pm": the new local time.</param>
public sealed record ScheduleCommand(TimeSpan? PauseFor, TimeOnly? NewTime);
