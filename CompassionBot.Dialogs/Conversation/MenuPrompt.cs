using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>One showing of a choice of practices: the menu (<see cref="PracticeMenu.For"/>) or an offer of alternatives (<see cref="AlternativesOffer.For"/>).</summary>
/// <param name="Text">The prompt's text; it lists the choices with their numbers when <paramref name="ChoicesInText"/>.</param>
/// <param name="Choices">The listed choices, in their numbered order.</param>
/// <param name="Unlisted">Practices not listed but still understood by name, or null.</param>
/// <param name="OfferedIds">What each found choice index means: practice ids (and <see cref="PracticeMenu.MoreId"/> or <see cref="AlternativesOffer.PauseId"/>), listed first.</param>
/// <param name="ChoicesInText">Whether <paramref name="Text"/> already numbers the choices (<see cref="PromptOptions.ChoicesInText"/>).</param>
public sealed record MenuPrompt(string Text, IReadOnlyList<Choice> Choices, IReadOnlyList<Choice>? Unlisted, IReadOnlyList<string> OfferedIds, bool ChoicesInText = true);
