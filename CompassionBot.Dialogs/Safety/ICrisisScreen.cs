using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// Classifies one inbound message in layers: the crisis rules; then, where it can change the outcome, the semantic layer
/// over the message's sentence embedding; then any optional cloud signal, which may only raise the level. Every path that
/// answers a person screens through this one component. Thread-safe; never throws for the message's content or for a
/// failing layer (the layers below it stand).
/// </summary>
public interface ICrisisScreen
{
    /// <summary>Screens <paramref name="message"/>.</summary>
    /// <param name="message">The message; its embedding is computed here if needed and kept for the rest of the turn.</param>
    /// <param name="locale">The conversation's locale, or null.</param>
    /// <param name="cancellationToken">Cancels the screening.</param>
    ValueTask<SafetyAssessment> ScreenAsync(MessageUnderstanding message, string? locale, CancellationToken cancellationToken);
}
