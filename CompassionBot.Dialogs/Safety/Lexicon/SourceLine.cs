namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>Where a definition was written, for error messages.</summary>
internal readonly record struct SourceLine(string File, int Line);
