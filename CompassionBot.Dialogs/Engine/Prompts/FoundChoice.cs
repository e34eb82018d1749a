namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>The option a person picked.</summary>
/// <param name="Value">The option's value.</param>
/// <param name="Index">Zero-based position in the offered list.</param>
public sealed record FoundChoice(string Value, int Index);
