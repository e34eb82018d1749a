namespace CompassionBot.Dialogs.Content;

/// <summary>One problem found in a content file, with where it is.</summary>
/// <param name="File">Path of the file, relative to the content root.</param>
/// <param name="Line">1-based line number, or 0 for the whole file.</param>
/// <param name="Message">What is wrong, in words a content reviewer understands.</param>
public sealed record ContentError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
