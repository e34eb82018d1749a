using CompassionBot.Dialogs.Intents;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Training;

/// <summary>An intent example as the head reads it.</summary>
/// <param name="Example">The example.</param>
/// <param name="Class">Its intent's position in the head's classes.</param>
/// <param name="Embedding">Its sentence embedding.</param>
/// <param name="Words">Its hashed words.</param>
internal sealed record EncodedExample(IntentExample Example, int Class, float[] Embedding, SparseFeatures Words);
