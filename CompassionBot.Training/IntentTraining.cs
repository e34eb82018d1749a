using System.Runtime.InteropServices;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>
/// The intent head's training run: encode every example as the service reads messages, read each by cross-validation,
/// choose the threshold on those readings, and fit the final head on every example.
/// </summary>
internal static class IntentTraining
{
    /// <summary>The thresholds tried, from 0.30 to 0.90.</summary>
    private static readonly float[] Thresholds = [.. Enumerable.Range(6, 13).Select(i => i * 0.05f)];

    /// <summary>Trains on <paramref name="examples"/>.</summary>
    public static async Task<IntentTrainingResult> RunAsync(IntentExamples examples, ISentenceEncoder encoder, IntentTrainerOptions options, CancellationToken cancellationToken)
    {
        var features = TrainingComponents.TextFeatures(options.Buckets);
        var words = new TextFeatures(features);
        var classes = IntentExamples.Taught;
        var classOf = classes.Select((intent, i) => (intent, i)).ToDictionary(p => p.intent, p => p.i);
        var encoded = new List<EncodedExample>(examples.All.Count);
        foreach (var example in examples.All)
        {
            var embedding = await encoder.EncodeAsync(example.Canonical, cancellationToken).ConfigureAwait(false);
            encoded.Add(new EncodedExample(example, classOf[example.Intent], embedding, words.Extract(example.Canonical)));
        }

        var trainer = new IntentHeadTrainer(options);
        IntentHeadFile File(TrainedWeights weights, float threshold) => new(
            IntentHeadFile.CurrentFormat,
            HeadTraining.EncoderName,
            encoder.Fingerprint,
            encoder.Dimensions,
            features,
            [.. classes.Select(IntentNames.Name)],
            [.. weights.Embedding.Select(Encode)],
            [.. weights.Text.Select(Encode)],
            weights.Biases,
            threshold,
            examples.Sha256,
            examples.All.Count);

        var readings = CrossValidate(encoded, classes.Count, trainer, w => IntentHead.FromFile(File(w, 0), examples, encoder.Fingerprint, encoder.Dimensions));
        var threshold = Thresholds.MaxBy(t => Score(encoded, readings, t, options.WrongIntentCost));
        var validation = encoded.Select((e, i) => Outcome(e.Example, At(readings[i], threshold))).ToList();
        return new IntentTrainingResult(File(trainer.Fit(encoded, classes.Count), threshold), options, validation);
    }

    // Every example read by a head fitted without its fold (with threshold 0: the likeliest intent and its probability).
    private static IntentRecognition[] CrossValidate(List<EncodedExample> encoded, int classes, IntentHeadTrainer trainer, Func<TrainedWeights, IntentHead> head)
    {
        var folds = encoded.Select(e => CrossValidation.Fold(e.Example.Canonical, trainer.Options.Folds, trainer.Options.Seed)).ToArray();
        var readings = new IntentRecognition[encoded.Count];
        for (var fold = 0; fold < trainer.Options.Folds; fold++)
        {
            var fitted = head(trainer.Fit([.. encoded.Where((_, i) => folds[i] != fold)], classes));
            for (var i = 0; i < encoded.Count; i++)
            {
                if (folds[i] == fold)
                {
                    readings[i] = fitted.Recognize(encoded[i].Embedding, encoded[i].Example.Canonical);
                }
            }
        }

        return readings;
    }

    private static double Score(List<EncodedExample> encoded, IntentRecognition[] readings, float threshold, double wrongIntentCost)
    {
        var metrics = IntentMetrics.Of([.. encoded.Select((e, i) => Outcome(e.Example, At(readings[i], threshold)))]);
        return metrics.Accuracy - (wrongIntentCost * metrics.WrongIntent);
    }

    private static IntentRecognition At(IntentRecognition reading, float threshold) =>
        reading.Confidence >= threshold ? reading : reading with { Intent = Intent.None };

    private static IntentOutcome Outcome(IntentExample example, IntentRecognition reading) =>
        new(example.Locale, example.Text, example.Intent, null, reading, null);

    private static string Encode(float[] weights) => Convert.ToBase64String(MemoryMarshal.AsBytes(weights.AsSpan()));
}
