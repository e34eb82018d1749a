namespace CompassionBot.Dialogs.State;

/// <summary>Which state document a property lives in.</summary>
public enum StateScope
{
    /// <summary>Per conversation.</summary>
    Conversation,

    /// <summary>Per person on a channel.</summary>
    User,
}
