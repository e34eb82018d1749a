using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>The main dialog's state: the practice to start (when already chosen), those tried this session, and what is on offer.</summary>
/// <param name="PracticeId">A practice to start without showing the menu.</param>
/// <param name="CurrentPracticeId">The practice running or just finished.</param>
/// <param name="TriedThisSession">Practices already offered and run in this session (never offered again in it).</param>
/// <param name="OfferedIds">Ids behind the choices shown last (practice ids and the markers of <see cref="MainDialog"/> and <see cref="PracticeMenu"/>), in order.</param>
/// <param name="AllPractices">The person asked for every practice (the short menu comes first).</param>
/// <param name="Showing">What the choices are: the menu, a suggestion for a feeling, alternatives, the question about what gets in the way.</param>
/// <param name="AskKey">A short question shown instead of the showing's own text (after an answer that picked nothing), or null.</param>
/// <param name="Feeling">The feeling a suggestion answers.</param>
/// <param name="Obstacle">What the person said gets in the way, once asked.</param>
/// <param name="Misses">Answers in a row that picked nothing and meant nothing the bot acts on.</param>
/// <param name="Rejections">Practices that did not resonate in this session.</param>
/// <param name="AnswerFirst">The dialog began on a message (nothing was running): it is read as an answer to the menu before the menu is shown.</param>
public sealed record MainDialogState(
    string? PracticeId,
    string? CurrentPracticeId,
    IReadOnlyList<string> TriedThisSession,
    IReadOnlyList<string> OfferedIds,
    bool AllPractices = false,
    MainDialogShowing Showing = MainDialogShowing.Menu,
    string? AskKey = null,
    FeelingKind? Feeling = null,
    Obstacle? Obstacle = null,
    int Misses = 0,
    int Rejections = 0,
    bool AnswerFirst = false)
{
    /// <summary>The state that reads the message the dialog begins on as an answer to the menu.</summary>
    public static MainDialogState Answering { get; } = new(null, null, [], [], AnswerFirst: true);
}
