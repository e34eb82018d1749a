namespace CompassionBot.Dialogs.Engine;

/// <summary>The persisted dialog stack of a conversation; index 0 is the active (top) dialog.</summary>
public sealed class DialogState
{
    /// <summary>The stack, top first.</summary>
    public List<DialogInstance> DialogStack { get; init; } = [];
}
