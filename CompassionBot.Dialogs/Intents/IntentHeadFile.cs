using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// The intent head as stored in <c>{content root}/Understanding/intent-head.json</c>, written by
/// <c>dotnet run --project CompassionBot.Training -- train-intents</c> from the intent examples. Weights are
/// little-endian float32 arrays in base64, one per class, in <see cref="Classes"/> order.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="Encoder">The sentence encoder the head was trained on.</param>
/// <param name="EncoderFingerprint">That encoder's fingerprint; the service refuses to start on any other.</param>
/// <param name="Dimensions">The embedding length.</param>
/// <param name="TextFeatures">How the words were hashed.</param>
/// <param name="Classes">Intent names (<see cref="IntentNames"/>), in weight order.</param>
/// <param name="EmbeddingWeights">Per class: weights over the embedding (base64 float32).</param>
/// <param name="TextWeights">Per class: weights over the text-feature buckets (base64 float32).</param>
/// <param name="Biases">Per class: the bias.</param>
/// <param name="Threshold">The least probability of the likeliest intent for the head to name it (0–1); below it, or
/// when the likeliest is <c>none</c>, the head abstains. Chosen by cross-validation on the examples.</param>
/// <param name="ExamplesSha256">The examples' <see cref="IntentExamples.Sha256"/>; the service refuses to start when the
/// examples have changed since.</param>
/// <param name="Examples">How many examples it was trained on.</param>
public sealed record IntentHeadFile(
    string Format,
    string Encoder,
    string EncoderFingerprint,
    int Dimensions,
    TextFeatureOptions TextFeatures,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> EmbeddingWeights,
    IReadOnlyList<string> TextWeights,
    IReadOnlyList<float> Biases,
    float Threshold,
    string ExamplesSha256,
    int Examples)
{
    /// <summary>The format this version reads and writes.</summary>
    public const string CurrentFormat = "compassionbot-intent-head/1";

    /// <summary>Where the head lives under the content root.</summary>
    public static readonly string RelativePath = Path.Combine(IntentExamples.ContentArea, "intent-head.json");
}
