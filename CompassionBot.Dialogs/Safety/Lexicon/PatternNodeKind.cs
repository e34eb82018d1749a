namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>Kinds of node in a compiled pattern graph.</summary>
internal enum PatternNodeKind : byte
{
    /// <summary>The pattern has matched.</summary>
    Accept,

    /// <summary>Consumes one word whose id is in the node's set.</summary>
    Token,

    /// <summary>Tries each branch.</summary>
    Split,

    /// <summary>Skips 0..N words that are not negations.</summary>
    Gap,

    /// <summary>Succeeds at the start of a clause.</summary>
    ClauseStart,

    /// <summary>Succeeds at the end of a clause.</summary>
    ClauseEnd,
}
