namespace CompassionBot.Dialogs.Conversation;

/// <summary>What kind of feeling a message names (<see cref="FeelingReader"/>), which decides the reflection and the practice suggested.</summary>
public enum FeelingKind
{
    /// <summary>A feeling without a word the bot knows ("I feel weird", "not anxious exactly").</summary>
    Unnamed,

    /// <summary>Worry, fear, stress: "anxious", "preocupada", 😰.</summary>
    Anxious,

    /// <summary>Sadness, loneliness, tiredness: "sad", "me siento mal", 😢.</summary>
    Low,

    /// <summary>Anger, frustration: "frustrated", "enojado", 😠.</summary>
    Angry,

    /// <summary>A pleasant feeling: "calm", "feliz", 🙂.</summary>
    Good,
}
