using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Bot;

/// <summary>The named, typed properties of conversation and user state.</summary>
public static class BotStateAccessors
{
    /// <summary>The dialog stack (conversation state, <c>DialogState</c>).</summary>
    public static StatePropertyAccessor<DialogState> Dialogs { get; } = new(StateScope.Conversation, "DialogState", BotStateJsonContext.Default.DialogState);

    /// <summary>The person's profile (user state, <c>Profile</c>).</summary>
    public static StatePropertyAccessor<UserProfile> Profile { get; } = new(StateScope.User, "Profile", BotStateJsonContext.Default.UserProfile);
}
