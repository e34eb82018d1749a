namespace CompassionBot.Dialogs.Safety;

/// <summary>What happened after a crisis or concern event, for the clinician.</summary>
public enum CrisisOutcome
{
    /// <summary>The crisis line was given; nothing since.</summary>
    LineGiven = 0,

    /// <summary>The person said they are safe.</summary>
    PersonSaidSafe = 1,

    /// <summary>The person said they had reached help or were with someone.</summary>
    PersonReachedHelp = 2,

    /// <summary>The person said it was a false alarm (the alert still went).</summary>
    PersonSaidFalseAlarm = 3,

    /// <summary>A clinician closed it.</summary>
    ClinicianClosed = 4,

    /// <summary>The referral could not be delivered to the person (an SMS provider refused it).</summary>
    NotReached = 5,
}
