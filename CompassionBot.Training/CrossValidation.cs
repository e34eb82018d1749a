using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Safety.Model;

namespace CompassionBot.Training;

/// <summary>
/// k-fold cross-validation: every message is scored by a head fitted without its fold. Messages with the same canonical
/// text share a fold, so a repeated "ok" is never both trained on and validated on.
/// </summary>
internal static class CrossValidation
{
    /// <summary>Validation scores for every message, in input order.</summary>
    public static ModelScores[] Score(IReadOnlyList<PreparedMessage> messages, HeadTrainer trainer, Func<TrainedWeights, CrisisHead> head)
    {
        var folds = messages.Select(m => Fold(m.Canonical, trainer.Options.Folds, trainer.Options.Seed)).ToArray();
        var scores = new ModelScores[messages.Count];
        for (var fold = 0; fold < trainer.Options.Folds; fold++)
        {
            var train = messages.Where((_, i) => folds[i] != fold).ToList();
            var fitted = head(trainer.Fit(train));
            for (var i = 0; i < messages.Count; i++)
            {
                if (folds[i] == fold)
                {
                    scores[i] = messages[i].Score(fitted);
                }
            }
        }

        return scores;
    }

    /// <summary>The fold of a message: from a hash of its lower-cased canonical text, so repeats share one.</summary>
    public static int Fold(string canonical, int folds, int seed) =>
        (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + "\n" + canonical.ToLowerInvariant()))) % (uint)folds);
}
