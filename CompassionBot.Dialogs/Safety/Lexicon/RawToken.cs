namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>A word of the normalised text: where its characters are in the buffer and which sentence and clause it is in.</summary>
internal readonly record struct RawToken(int Start, int Length, int Sentence, bool ClauseStart, bool IsNumber);
