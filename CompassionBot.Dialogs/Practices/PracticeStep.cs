using CompassionBot.Dialogs.Engagement;

namespace CompassionBot.Dialogs.Practices;

/// <summary>One step of a practice: an instruction, optionally followed by a prompt.</summary>
/// <param name="Id">Step id, unique within the practice and the same in every locale (lower case, digits, dashes).</param>
/// <param name="Text">Full text for Teams and web chat; at most 320 characters; may contain line breaks.</param>
/// <param name="SmsText">
/// The text to send on SMS: at most 160 GSM-7 septets and GSM-7 encodable. Null when <paramref name="Text"/> itself
/// fits one GSM-7 segment unchanged.
/// </param>
/// <param name="Prompt">What the step asks for after its text.</param>
/// <param name="Choices">Choice titles (1 to 3) when <paramref name="Prompt"/> is <see cref="StepPromptKind.Choice"/>; otherwise empty.</param>
/// <param name="Optional">Whether the dialog offers to skip the step.</param>
/// <param name="Keep">
/// For a free-text step: what the answer is (a phrase, a letter), which the bot offers to keep for the person; null
/// when answers are not offered to be kept.
/// </param>
public sealed record PracticeStep(
    string Id,
    string Text,
    string? SmsText,
    StepPromptKind Prompt,
    IReadOnlyList<string> Choices,
    bool Optional,
    KeepKind? Keep = null);
