namespace CompassionBot.Dialogs.Conversation;

/// <summary>What the main dialog's choices are (<see cref="MainDialogState.Showing"/>).</summary>
public enum MainDialogShowing
{
    /// <summary>The practice menu.</summary>
    Menu,

    /// <summary>One practice that suits a feeling the person named, and the other practices.</summary>
    Suggestion,

    /// <summary>Alternatives after a practice did not resonate, a shorter one and a pause.</summary>
    Alternatives,

    /// <summary>What gets in the way, asked after a second practice in a row did not resonate.</summary>
    Obstacles,

    /// <summary>Stopping for today, or one more (shorter) practice, after the person said what gets in the way.</summary>
    StopOrMore,
}
