namespace CompassionBot.Dialogs.Conversation;

/// <summary>The main dialog's state: the practice to start (when already chosen) and those tried this session.</summary>
/// <param name="PracticeId">A practice to start without showing the menu.</param>
/// <param name="CurrentPracticeId">The practice running or just finished.</param>
/// <param name="TriedThisSession">Practices already offered and run in this session (never offered again in it).</param>
/// <param name="OfferedIds">Ids behind the choices shown last (the menu, or an alternatives offer ending with the pause marker), in order.</param>
/// <param name="AllPractices">The person asked for every practice (the short menu comes first).</param>
public sealed record MainDialogState(
    string? PracticeId,
    string? CurrentPracticeId,
    IReadOnlyList<string> TriedThisSession,
    IReadOnlyList<string> OfferedIds,
    bool AllPractices = false);
