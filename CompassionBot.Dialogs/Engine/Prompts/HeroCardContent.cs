using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>The content of a hero card: text and buttons.</summary>
/// <param name="Text">The card's text.</param>
/// <param name="Buttons">The card's buttons.</param>
public sealed record HeroCardContent(string? Text, IReadOnlyList<CardAction> Buttons);
