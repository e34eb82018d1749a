using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Training;

/// <summary>One labelled message of the corpus.</summary>
/// <param name="File">The file, relative to the corpus folder (e.g. <c>train/sms-adults-en.tsv</c>).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Label">The safety response it needs.</param>
/// <param name="Locale">The language it is written in (<c>en</c>/<c>es</c>).</param>
/// <param name="Kind">The most salient thing about it (see the corpus README); empty in the team's older files.</param>
/// <param name="Text">The message as a person would type it (line breaks restored).</param>
internal sealed record LabelledMessage(string File, int Line, RiskLevel Label, string Locale, string Kind, string Text);
