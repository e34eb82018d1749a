using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Reads one <c>.practice</c> file (format in <c>Practices/Content/README.md</c>): <c>key: value</c> lines, a header
/// then <c>step: id</c> blocks. Every problem is added to the error list with file and line; a practice is returned
/// only when the file has none.
/// </summary>
internal sealed partial class PracticeFileReader
{
    private static readonly string[] HeaderKeys = ["id", "title", "family", "minutes", "rating", "summary"];
    private static readonly string[] StepKeys = ["text", "sms", "prompt", "choices", "optional", "keep"];

    private readonly string _file;
    private readonly string _locale;
    private readonly List<ContentError> _errors;
    private readonly Dictionary<string, Field> _header = new(StringComparer.Ordinal);
    private readonly List<StepDraft> _steps = [];
    private int _errorCountAtStart;

    private PracticeFileReader(string file, string locale, List<ContentError> errors)
    {
        _file = file;
        _locale = locale;
        _errors = errors;
    }

    /// <summary>Reads and validates <paramref name="path"/>; null when it has errors (added to <paramref name="errors"/>).</summary>
    /// <param name="path">Full path of the file.</param>
    /// <param name="file">Path relative to the content root, used in errors.</param>
    /// <param name="locale">Supported locale of the folder the file is in.</param>
    /// <param name="errors">Where problems are collected.</param>
    public static ParsedPractice? Read(string path, string file, string locale, List<ContentError> errors)
    {
        var reader = new PracticeFileReader(file, locale, errors) { _errorCountAtStart = errors.Count };
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            reader.ReadLine(raw.Trim(), lineNumber);
        }

        return reader.Build();
    }

    private void ReadLine(string line, int lineNumber)
    {
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var key = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : string.Empty;
        if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
        {
            Error(lineNumber, "Expected 'field: value' (a line starting with # is a comment).");
            return;
        }

        var value = line[(colon + 1)..].Trim().Replace("\\n", "\n", StringComparison.Ordinal);
        if (key == "step")
        {
            StartStep(value, lineNumber);
        }
        else if (HeaderKeys.Contains(key))
        {
            if (_steps.Count > 0)
            {
                Error(lineNumber, $"'{key}:' belongs in the header, before the first 'step:' line.");
                return;
            }

            Set(_header, key, value, lineNumber);
        }
        else if (StepKeys.Contains(key))
        {
            if (_steps.Count == 0)
            {
                Error(lineNumber, $"'{key}:' must come after a 'step:' line.");
                return;
            }

            Set(_steps[^1].Fields, key, value, lineNumber);
        }
        else
        {
            Error(lineNumber, $"Unknown field '{key}'. Expected one of: {string.Join(", ", HeaderKeys)}, step, {string.Join(", ", StepKeys)}.");
        }
    }

    private void StartStep(string id, int lineNumber)
    {
        if (!IsValidId(id))
        {
            Error(lineNumber, $"Step id '{id}' is not valid: use lower-case letters, digits and dashes.");
        }
        else if (_steps.FirstOrDefault(s => s.Id == id) is { } earlier)
        {
            Error(lineNumber, $"Duplicate step id '{id}' (first used on line {earlier.Line}).");
        }

        _steps.Add(new StepDraft(id, lineNumber));
    }

    private void Set(Dictionary<string, Field> fields, string key, string value, int lineNumber)
    {
        if (fields.TryGetValue(key, out var existing))
        {
            Error(lineNumber, $"'{key}:' is given twice (first on line {existing.Line}).");
            return;
        }

        fields[key] = new Field(value, lineNumber);
    }

    private void Error(int line, string message) => _errors.Add(new ContentError(_file, line, message));

    private static bool IsValidId(string id) =>
        id.Length > 0
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !id.StartsWith('-') && !id.EndsWith('-') && !id.Contains("--", StringComparison.Ordinal);

    /// <summary>A field's value and the line it is on.</summary>
    private readonly record struct Field(string Value, int Line);

    /// <summary>A step block as read, before validation.</summary>
    private sealed record StepDraft(string Id, int Line)
    {
        public Dictionary<string, Field> Fields { get; } = new(StringComparer.Ordinal);
    }
}
