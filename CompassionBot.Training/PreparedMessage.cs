using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Training;

/// <summary>A labelled message as the screen reads it: canonical text, embedding, hashed words, the rules' verdict.</summary>
/// <param name="Source">The labelled message.</param>
/// <param name="Canonical">Its canonical text.</param>
/// <param name="Embedding">Its sentence embedding.</param>
/// <param name="Text">Its hashed words.</param>
/// <param name="Language">The language the screen takes it to be in (picks the thresholds).</param>
/// <param name="Rules">The rules' level.</param>
/// <param name="Routine">Whether it is a routine reply (the model is not run on it).</param>
/// <param name="Sentences">Each sentence's embedding and hashed words, when it has two or more; otherwise empty.</param>
internal sealed record PreparedMessage(LabelledMessage Source, string Canonical, float[] Embedding, SparseFeatures Text, string Language, RiskLevel Rules, bool Routine, IReadOnlyList<(float[] Embedding, SparseFeatures Text)> Sentences)
{
    /// <summary>The message's scores under <paramref name="head"/>, bounded by its sentences' (as the service scores it).</summary>
    public ModelScores Score(CrisisHead head) =>
        head.Predict(Embedding, Text).BoundedBy([.. Sentences.Select(s => head.Predict(s.Embedding, s.Text))]);

    /// <summary>The class index: 0 none, 1 concern, 2 crisis.</summary>
    public int Class => (int)Source.Label;
}
