namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>One option of a <see cref="ChoicePrompt"/>.</summary>
/// <param name="Value">The title shown and the value returned.</param>
/// <param name="Synonyms">Other words that pick this option (any locale).</param>
public sealed record Choice(string Value, IReadOnlyList<string>? Synonyms = null);
