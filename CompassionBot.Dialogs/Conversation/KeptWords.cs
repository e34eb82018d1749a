using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>
/// "Show my phrase" and "delete my phrase" (and letter): the words a person kept in a practice, shown back or deleted
/// at any point; a practice waiting for an answer then asks its question again.
/// </summary>
internal static class KeptWords
{
    /// <summary>Shows the kept <paramref name="kind"/>, or says there is none.</summary>
    public static async Task<bool> ShowAsync(BotTurn turn, KeepKind kind, CancellationToken cancellationToken)
    {
        if (turn.Profile.Kept.TryGetValue(kind, out var text))
        {
            await turn.SayAsync(PracticeStepsDialog.KeepKey(kind, "show"), cancellationToken, ("text", text)).ConfigureAwait(false);
        }
        else
        {
            await turn.SayAsync(PracticeStepsDialog.KeepKey(kind, "none"), cancellationToken).ConfigureAwait(false);
        }

        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes the kept <paramref name="kind"/> (if any) and says so.</summary>
    public static async Task<bool> DeleteAsync(BotTurn turn, KeepKind kind, CancellationToken cancellationToken)
    {
        var had = turn.Profile.Kept.ContainsKey(kind);
        if (had)
        {
            turn.Profile = turn.Profile.WithoutKept(kind);
        }

        await turn.SayAsync(PracticeStepsDialog.KeepKey(kind, had ? "deleted" : "none"), cancellationToken).ConfigureAwait(false);
        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
