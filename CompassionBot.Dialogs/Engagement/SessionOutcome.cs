namespace CompassionBot.Dialogs.Engagement;

/// <summary>How a practice session ended.</summary>
public enum SessionOutcome
{
    /// <summary>Every step was done.</summary>
    Completed,

    /// <summary>The person stopped, paused, went to the menu, or a safety response ended it.</summary>
    Abandoned,

    /// <summary>The person signalled that it was not resonating; alternatives were offered.</summary>
    NotResonating,
}
