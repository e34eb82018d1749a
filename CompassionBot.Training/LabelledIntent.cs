using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>One message of an intent evaluation set.</summary>
/// <param name="File">The file, relative to the corpus folder.</param>
/// <param name="Line">The line (1-based).</param>
/// <param name="Intent">What it means.</param>
/// <param name="PracticeId">With <see cref="Intent.Choose"/>: the practice it picks from the whole menu.</param>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Text">The message.</param>
internal sealed record LabelledIntent(string File, int Line, Intent Intent, string? PracticeId, string Locale, string Text);
