namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>One parsed element of a rule pattern.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The word, prefix (without <c>*</c>) or set name (without <c>@</c>).</param>
/// <param name="Gap">For <see cref="PatternElementKind.Gap"/>: the most words skipped.</param>
/// <param name="Alternatives">For <see cref="PatternElementKind.Group"/>: the alternative sequences.</param>
/// <param name="Optional">Written with a trailing <c>?</c>.</param>
internal sealed record PatternElement(
    PatternElementKind Kind,
    string Text = "",
    int Gap = 0,
    IReadOnlyList<IReadOnlyList<PatternElement>>? Alternatives = null,
    bool Optional = false);
