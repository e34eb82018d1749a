using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>What the recognizer made of one labelled message.</summary>
/// <param name="Locale"><c>en</c> or <c>es</c>.</param>
/// <param name="Text">The message.</param>
/// <param name="Label">What it means.</param>
/// <param name="LabelPracticeId">With <see cref="Intent.Choose"/>: the practice it picks.</param>
/// <param name="Result">What the recognizer said.</param>
/// <param name="PickedPracticeId">The practice the recognizer picked, if it did.</param>
internal sealed record IntentOutcome(string Locale, string Text, Intent Label, string? LabelPracticeId, IntentRecognition Result, string? PickedPracticeId)
{
    /// <summary>The recognizer said what the message means (the same practice, for a choice).</summary>
    public bool Correct => Result.Intent == Label && (Label != Intent.Choose || PickedPracticeId == LabelPracticeId);

    /// <summary>The message means something, and the recognizer abstained.</summary>
    public bool Abstained => Label != Intent.None && Result.Intent == Intent.None;

    /// <summary>The recognizer named an intent the message does not have (a wrong choice included).</summary>
    public bool WrongIntent => Result.Intent != Intent.None && !Correct;

    /// <summary>The recognizer took the message as picking a practice it did not pick.</summary>
    public bool WrongChoice => Result.Intent == Intent.Choose && !Correct;
}
