namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>Everything the content files of one language define, parsed but not yet compiled.</summary>
internal sealed class LanguageSource(string locale)
{
    public string Locale { get; } = locale;

    /// <summary>Word rewrites: slang, contractions, misspellings (<c>map kms = kill myself</c>).</summary>
    public List<(string Variant, string Replacement, SourceLine Origin)> Maps { get; } = [];

    /// <summary>Words dropped before matching (<c>filler = lol | kinda</c>).</summary>
    public List<(PatternElement Word, SourceLine Origin)> Fillers { get; } = [];

    /// <summary>Negation words, which gaps never skip (<c>negator = not | never</c>).</summary>
    public List<(PatternElement Word, SourceLine Origin)> Negators { get; } = [];

    /// <summary>Named sets (<c>set @want = want to | wish</c>).</summary>
    public Dictionary<string, (IReadOnlyList<IReadOnlyList<PatternElement>> Pattern, SourceLine Origin)> Sets { get; } = new(StringComparer.Ordinal);

    /// <summary>Rules in file order.</summary>
    public List<RuleSource> Rules { get; } = [];
}
