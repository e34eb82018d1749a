namespace CompassionBot.CheckIns;

/// <summary>Whether check-ins go out.</summary>
public enum EnrolmentStatus
{
    /// <summary>Check-ins go out on schedule.</summary>
    Active,

    /// <summary>Paused (until a date, or until resumed).</summary>
    Paused,

    /// <summary>Ended for good.</summary>
    Ended,
}
