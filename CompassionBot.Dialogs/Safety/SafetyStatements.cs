using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// What a person says after a crisis referral, from <c>{content root}/Safety/{locale}/statements.phrases</c>: that it was
/// a false alarm, that they have reached help, or that they are safe. Phrases match as whole words anywhere in a
/// message, in every language.
/// </summary>
public sealed class SafetyStatements
{
    /// <summary>The content area the phrases are read from.</summary>
    public const string ContentArea = "Safety";

    private const string FalseAlarmKind = "falsealarm";
    private const string ReachedHelpKind = "reachedhelp";
    private const string SafeKind = "safe";
    private readonly PhraseCatalog _phrases;

    /// <summary>Creates the recognizer over loaded phrases.</summary>
    public SafetyStatements(PhraseCatalog phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phrases = phrases;
    }

    /// <summary>The kinds a statements file may name.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [FalseAlarmKind, ReachedHelpKind, SafeKind];

    /// <summary>Loads and validates the phrases.</summary>
    /// <exception cref="ContentValidationException">A phrases file is invalid (the message names file and line).</exception>
    public static SafetyStatements Load(string contentRoot) => new(PhraseCatalog.Load(contentRoot, ContentArea, Kinds));

    /// <summary>What <paramref name="text"/> says, the most reassuring kind first: reached help, then safe, then false alarm.</summary>
    public SafetyStatement Recognize(string? text) =>
        _phrases.Contains(ReachedHelpKind, text) ? SafetyStatement.ReachedHelp
        : _phrases.Contains(SafeKind, text) ? SafetyStatement.Safe
        : _phrases.Contains(FalseAlarmKind, text) ? SafetyStatement.FalseAlarm
        : SafetyStatement.None;
}
