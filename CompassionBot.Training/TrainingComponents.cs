using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Training;

/// <summary>The parts of the service's screen that training reads messages with, loaded from the content files.</summary>
/// <param name="Encoder">The sentence encoder.</param>
/// <param name="Rules">The crisis rules.</param>
/// <param name="Routine">The routine replies.</param>
/// <param name="ContentRoot">The content folder they were loaded from.</param>
internal sealed record TrainingComponents(ISentenceEncoder Encoder, ICrisisDetector Rules, IRoutineReplies Routine, string ContentRoot)
{
    /// <summary>The words after which a clause is read as negated, and the words that end it (English and Spanish).</summary>
    public static TextFeatureOptions TextFeatures(int buckets) => new(
        buckets,
        ["not", "no", "never", "dont", "didnt", "doesnt", "wont", "cant", "isnt", "wasnt", "aint", "wouldnt", "havent", "nothing", "nunca", "ni", "jamas", "tampoco", "nada"],
        ["but", "though", "although", "pero", "aunque", "sino"]);

    /// <summary>Loads the rules, catalogs and encoder from <paramref name="contentRoot"/>.</summary>
    public static TrainingComponents Load(string contentRoot)
    {
        return new TrainingComponents(new MiniLmSentenceEncoder(), LexiconCrisisDetector.Load(contentRoot), RoutineReplies.Load(contentRoot), contentRoot);
    }
}
