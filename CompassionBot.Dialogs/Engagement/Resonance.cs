namespace CompassionBot.Dialogs.Engagement;

/// <summary>How a practice felt to the person, in their own words at the end.</summary>
public enum Resonance
{
    /// <summary>It helped.</summary>
    Helpful,

    /// <summary>Neither good nor bad.</summary>
    Neutral,

    /// <summary>Not for them.</summary>
    NotForMe,
}
