namespace CompassionBot.Dialogs.Engine;

/// <summary>Why a dialog is being ended or resumed.</summary>
public enum DialogReason
{
    /// <summary>A dialog began.</summary>
    BeginCalled,

    /// <summary>The dialog continued with a new message.</summary>
    ContinueCalled,

    /// <summary>A dialog ended normally.</summary>
    EndCalled,

    /// <summary>A dialog was replaced by another.</summary>
    ReplaceCalled,

    /// <summary>The stack was cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step moved on without waiting.</summary>
    NextCalled,
}
