namespace CompassionBot.Dialogs.Safety;

/// <summary>Classifies one inbound message for crisis language. Implementations are thread-safe and never throw on text.</summary>
public interface ICrisisDetector
{
    /// <summary>Classifies <paramref name="text"/>.</summary>
    /// <param name="text">The message as the person wrote it.</param>
    /// <param name="locale">The conversation's BCP-47 locale, or null. Every supported language is always checked,
    /// because people switch language mid-conversation; the locale only decides which is checked first.</param>
    /// <returns>The level and the ids of the rules that fired. At <see cref="RiskLevel.None"/> the rules may name
    /// <c>distress.*</c> markers: borderline wording that needs no safety response by itself.</returns>
    SafetyAssessment Classify(string text, string? locale);
}
