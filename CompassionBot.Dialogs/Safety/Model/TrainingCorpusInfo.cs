namespace CompassionBot.Dialogs.Safety.Model;

/// <summary>What a crisis head was trained on.</summary>
/// <param name="Sha256">SHA-256 of the training files (names and contents, in name order), lower-case hex.</param>
/// <param name="Messages">Messages trained on.</param>
/// <param name="Files">The training files, relative to the corpus folder.</param>
public sealed record TrainingCorpusInfo(string Sha256, int Messages, IReadOnlyList<string> Files);
