namespace CompassionBot.Dialogs.Safety;

/// <summary>Which layer of the screen set a verdict's level.</summary>
public enum ScreeningSource
{
    /// <summary>Nothing raised the level (it is <see cref="RiskLevel.None"/>).</summary>
    None = 0,

    /// <summary>The crisis rules.</summary>
    Rules = 1,

    /// <summary>The semantic layer (the crisis head over the sentence embedding).</summary>
    Model = 2,

    /// <summary>An optional cloud signal (<see cref="IRiskSignal"/>).</summary>
    Signal = 3,

    /// <summary>The person's answer to the screening question.</summary>
    Screening = 4,
}
