namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>One parsed rule line: <c>crisis ideation.active = pattern</c>.</summary>
internal sealed record RuleSource(SafetyRuleKind Kind, string Id, IReadOnlyList<IReadOnlyList<PatternElement>> Pattern, SourceLine Origin);
