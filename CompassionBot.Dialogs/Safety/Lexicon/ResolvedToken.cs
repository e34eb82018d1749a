namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>A word looked up in one language's vocabulary.</summary>
/// <param name="Primary">Id of the exact word, or -1 when the vocabulary does not know it.</param>
/// <param name="Secondary">Id of the longest known prefix or of the number class, or -1.</param>
/// <param name="Sentence">Sentence index: a match never spans two sentences.</param>
/// <param name="ClauseStart">First word of the message or after punctuation (for the <c>^</c> anchor).</param>
/// <param name="Negator">A negation word, which a gap (<c>~N</c>) may not skip.</param>
internal readonly record struct ResolvedToken(int Primary, int Secondary, int Sentence, bool ClauseStart, bool Negator);
