using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Told of every practice session <see cref="PracticeDialog"/> saves in the person's profile: completed, not
/// resonating, or abandoned (stop, menu, a safety response). Where the host keeps what a person shares with their
/// clinician. Must not throw for a storage fault: the practice goes on.
/// </summary>
public interface IPracticeSessionObserver
{
    /// <summary>Called once per saved session, in the turn that ended it.</summary>
    /// <param name="turnContext">The turn (its channel and sender name the person).</param>
    /// <param name="session">The session as saved in the profile (no message text).</param>
    /// <param name="endedAt">When it ended.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task OnSessionSavedAsync(ITurnContext turnContext, PracticeSessionRecord session, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Called when the person said what got in the way after <paramref name="session"/> (its
    /// <see cref="PracticeSessionRecord.Obstacle"/>), a session this observer was told of before.</summary>
    /// <param name="turnContext">The turn (its channel and sender name the person).</param>
    /// <param name="session">The session as now saved in the profile.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task OnObstacleSavedAsync(ITurnContext turnContext, PracticeSessionRecord session, CancellationToken cancellationToken);
}
