namespace CompassionBot.Dialogs.Engine;

/// <summary>Where the dialog stack stands after a call.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty.</summary>
    Empty,

    /// <summary>The active dialog waits for the person's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}
