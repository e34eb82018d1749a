namespace CompassionBot.Dialogs.Practices;

/// <summary>A practice read from a file, with where its parts are (for cross-file checks).</summary>
/// <param name="Practice">The practice.</param>
/// <param name="File">Path of the file relative to the content root.</param>
/// <param name="Lines">Line of each header field by key (<c>id</c>, <c>family</c>, …).</param>
/// <param name="StepLines">Line of each step's <c>step:</c> line, by step index.</param>
internal sealed record ParsedPractice(
    Practice Practice,
    string File,
    IReadOnlyDictionary<string, int> Lines,
    IReadOnlyList<int> StepLines)
{
    /// <summary>Line of a header field, or 0 when absent.</summary>
    public int LineOf(string key) => Lines.TryGetValue(key, out var line) ? line : 0;
}
