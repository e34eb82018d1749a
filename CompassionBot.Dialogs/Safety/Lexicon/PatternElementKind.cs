namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>What one element of a rule pattern is.</summary>
internal enum PatternElementKind
{
    /// <summary>A literal word (normalised like message text; may expand to several words).</summary>
    Word,

    /// <summary>A word prefix, written <c>matar*</c>.</summary>
    Prefix,

    /// <summary>A reference to a named set, written <c>@name</c>.</summary>
    Set,

    /// <summary>Alternatives in parentheses, written <c>(a b|c)</c>.</summary>
    Group,

    /// <summary>Up to N words of any kind except negations, written <c>~N</c>.</summary>
    Gap,

    /// <summary>Start of a clause (message start or after punctuation), written <c>^</c>.</summary>
    ClauseStart,

    /// <summary>End of a clause, written <c>$</c>.</summary>
    ClauseEnd,

    /// <summary>Any number written in digits, written <c>&lt;num&gt;</c>.</summary>
    Number,
}
