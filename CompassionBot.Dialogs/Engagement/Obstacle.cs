namespace CompassionBot.Dialogs.Engagement;

/// <summary>What the person said gets in the way, when asked after practices did not resonate twice in a row.</summary>
public enum Obstacle
{
    /// <summary>The practices are too long.</summary>
    TooLong,

    /// <summary>Not in the mood.</summary>
    NotInTheMood,

    /// <summary>Not their kind of practice.</summary>
    WrongKind,

    /// <summary>Something else.</summary>
    SomethingElse,
}
