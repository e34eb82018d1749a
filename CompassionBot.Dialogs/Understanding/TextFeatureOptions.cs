namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// How <see cref="TextFeatures"/> turns a message's words into hashed features; stored with the weights, so training
/// and the service always read a message the same way.
/// </summary>
/// <param name="Buckets">Hash buckets (a power of two, 1,024–1,048,576).</param>
/// <param name="Negators">Words after which the rest of the clause is marked as negated ("not", "nunca").</param>
/// <param name="Contrasts">Words that end a negated stretch ("but", "pero").</param>
public sealed record TextFeatureOptions(int Buckets, IReadOnlyList<string> Negators, IReadOnlyList<string> Contrasts);
