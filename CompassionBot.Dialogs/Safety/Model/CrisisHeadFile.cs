using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>
/// The crisis head as stored in <c>{content root}/Safety/model/crisis-head.json</c>, written by the training command
/// (<c>CompassionBot.Training</c>). Weights are little-endian float32 arrays in base64, one per class, in
/// <see cref="Classes"/> order.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="Encoder">The sentence encoder the head was trained on.</param>
/// <param name="EncoderFingerprint">That encoder's fingerprint; the service refuses to start on any other.</param>
/// <param name="Dimensions">The embedding length.</param>
/// <param name="TextFeatures">How the words were hashed.</param>
/// <param name="Classes">Class names, in weight order.</param>
/// <param name="EmbeddingWeights">Per class: weights over the embedding (base64 float32).</param>
/// <param name="TextWeights">Per class: weights over the text-feature buckets (base64 float32).</param>
/// <param name="Biases">Per class: the bias.</param>
/// <param name="Thresholds">Per language (<c>en</c>, <c>es</c>): when scores raise the level.</param>
/// <param name="Corpus">What it was trained on (for the report and the audit).</param>
public sealed record CrisisHeadFile(
    string Format,
    string Encoder,
    string EncoderFingerprint,
    int Dimensions,
    TextFeatureOptions TextFeatures,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> EmbeddingWeights,
    IReadOnlyList<string> TextWeights,
    IReadOnlyList<float> Biases,
    IReadOnlyDictionary<string, ModelThresholds> Thresholds,
    TrainingCorpusInfo Corpus)
{
    /// <summary>The format this version reads and writes.</summary>
    public const string CurrentFormat = "compassionbot-crisis-head/1";

    /// <summary>The class names, in the order the weights are stored.</summary>
    public static IReadOnlyList<string> ClassOrder { get; } = ["none", "concern", "crisis"];
}
