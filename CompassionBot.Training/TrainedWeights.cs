using System.Runtime.InteropServices;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Training;

/// <summary>Fitted weights, per class in the head's order (the crisis head's: none, concern, crisis).</summary>
/// <param name="Embedding">Weights over the embedding.</param>
/// <param name="Text">Weights over the word buckets.</param>
/// <param name="Biases">Biases.</param>
internal sealed record TrainedWeights(float[][] Embedding, float[][] Text, float[] Biases)
{
    /// <summary>The head file for these weights.</summary>
    public CrisisHeadFile ToFile(string encoder, string fingerprint, TextFeatureOptions features, IReadOnlyDictionary<string, ModelThresholds> thresholds, TrainingCorpusInfo corpus) => new(
        CrisisHeadFile.CurrentFormat,
        encoder,
        fingerprint,
        Embedding[0].Length,
        features,
        CrisisHeadFile.ClassOrder,
        [.. Embedding.Select(Encode)],
        [.. Text.Select(Encode)],
        Biases,
        thresholds,
        corpus);

    private static string Encode(float[] weights) => Convert.ToBase64String(MemoryMarshal.AsBytes(weights.AsSpan()));
}
