namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Replies the bot understands exactly and whole (a 0–10 rating, an option's label, yes or no, a keyword such as
/// "next" or "menu"): the semantic layer cannot change their verdict, so it is not run on them. The rules still are.
/// </summary>
public interface IRoutineReplies
{
    /// <summary>True when the whole of <paramref name="canonicalText"/> is a routine reply.</summary>
    bool IsRoutine(string canonicalText);
}
