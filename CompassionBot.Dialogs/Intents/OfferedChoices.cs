using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Intents;

/// <summary>The options on offer when a message arrives (a menu, an offer of alternatives).</summary>
/// <param name="Listed">The options shown, in their numbered order: numbers and positions refer to these.</param>
/// <param name="Unlisted">Options not shown but understood by name (the rest of a short menu), or null.</param>
public sealed record OfferedChoices(IReadOnlyList<Choice> Listed, IReadOnlyList<Choice>? Unlisted = null);
