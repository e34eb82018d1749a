using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Tests.Safety;

/// <summary>One line of the labelled safety corpus (<c>CompassionBot.Training/Corpus</c>, copied to the test output).</summary>
internal sealed record LabelledMessage(string File, int Line, RiskLevel Label, string Locale, string Kind, string Text)
{
    /// <summary>The corpus folder in the test output.</summary>
    public static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>Reads one corpus file, named relative to the corpus root (e.g. <c>train/team-dev.tsv</c>).</summary>
    public static IReadOnlyList<LabelledMessage> ReadAll(string file)
    {
        var path = Path.Combine(CorpusRoot, file);
        var messages = new List<LabelledMessage>();
        var number = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length is not (3 or 4) || !Enum.TryParse<RiskLevel>(parts[0], ignoreCase: true, out var label))
            {
                throw new FormatException($"{file}:{number}: expected 'label<TAB>locale<TAB>[kind<TAB>]text'.");
            }

            // A line break inside a message is written as the two characters \n.
            var text = parts[^1].Replace("\\n", "\n", StringComparison.Ordinal);
            messages.Add(new LabelledMessage(file, number, label, parts[1], parts.Length == 4 ? parts[2] : string.Empty, text));
        }

        return messages;
    }
}
