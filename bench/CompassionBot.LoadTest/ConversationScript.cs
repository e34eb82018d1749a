namespace CompassionBot.LoadTest;

/// <summary>One whole Self-Compassion Break conversation, as a person would type it: join, then ten messages.</summary>
internal static class ConversationScript
{
    /// <summary>Null stands for the conversationUpdate that adds the person; the rest are message texts.</summary>
    public static IReadOnlyList<string?> Turns { get; } =
    [
        null, "Self-Compassion Break", "6", "Next", "Next", "Next", "Next", "It's okay, you're doing your best.", "4", "Helpful",
    ];
}
