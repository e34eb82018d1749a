namespace CompassionBot.LoadTest;

/// <summary>One whole Self-Compassion Break conversation, as a person would type it: join, then ten messages.</summary>
internal static class ConversationScript
{
    /// <summary>Null stands for the conversationUpdate that adds the person; the rest are message texts.</summary>
    public static IReadOnlyList<string?> Turns { get; } =
    [
        null, "Self-Compassion Break", "6", "Next", "Next", "Next", "Next", "It's okay, you're doing your best.", "4", "Helpful",
    ];

    /// <summary>The turn a person writes in their own words (the kind word to themselves).</summary>
    public const int FreeTextTurn = 7;

    /// <summary>The text of <paramref name="turn"/>; with <paramref name="unique"/> the free-text turn ends with the
    /// conversation's id (one sentence still), as different people's words would differ.</summary>
    public static string? Text(int turn, string conversation, bool unique) =>
        unique && turn == FreeTextTurn ? $"{Turns[turn]![..^1]}, {conversation}." : Turns[turn];
}
