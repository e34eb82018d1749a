using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>One showing of the practice menu (<see cref="PracticeMenu.For"/>).</summary>
/// <param name="Text">The menu as text, choices numbered.</param>
/// <param name="Choices">The listed choices, in their numbered order.</param>
/// <param name="Unlisted">Practices not listed but still understood by name, or null.</param>
/// <param name="OfferedIds">What each found choice index means: practice ids (and <see cref="PracticeMenu.MoreId"/>), listed first.</param>
public sealed record MenuPrompt(string Text, IReadOnlyList<Choice> Choices, IReadOnlyList<Choice>? Unlisted, IReadOnlyList<string> OfferedIds);
