using System.Text.RegularExpressions;

namespace CompassionBot.Tests.Deployment;

/// <summary>The <c>param name = value</c> assignments of a <c>.bicepparam</c> file (value: the text up to the next one).</summary>
internal sealed partial class BicepParametersFile
{
    private BicepParametersFile(IReadOnlyDictionary<string, string> values) => Values = values;

    /// <summary>Parameter name → the value's source text, comments removed.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static BicepParametersFile Load(string path)
    {
        var text = string.Join('\n', File.ReadAllLines(path).Select(line => LineComment().Replace(line, string.Empty)));
        var matches = Assignment().Matches(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            values.Add(matches[i].Groups["name"].Value, text[start..end].Trim());
        }

        return new BicepParametersFile(values);
    }

    /// <summary>Whether a value is written out in the file (a string, number, bool, array or object) rather than computed.</summary>
    public static bool IsLiteral(string value) =>
        value.Length > 0 && (value[0] is '\'' or '[' or '{' or '-' || char.IsDigit(value[0]) || value is "true" or "false");

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex Assignment();

    // A // comment: at the start of a line or after white space (a URL has "https://").
    [GeneratedRegex(@"(^|\s)//.*$")]
    private static partial Regex LineComment();
}
