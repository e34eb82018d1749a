namespace CompassionBot.CheckIns;

/// <summary>What claiming a schedule slot decided.</summary>
public enum ClaimOutcome
{
    /// <summary>Claimed by this worker: mark sending, send, then record the outcome.</summary>
    Send,

    /// <summary>Recorded as skipped (lowered frequency); nothing is sent.</summary>
    Skip,

    /// <summary>Recorded as skipped because this slot lowered the frequency: tell the clinician.</summary>
    SkipAndLowerFrequency,

    /// <summary>Already sent, skipped, failed, or being sent by another worker.</summary>
    AlreadyHandled,
}
