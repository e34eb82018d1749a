using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Tests.Safety;

/// <summary>One line of the labelled development set.</summary>
internal sealed record LabelledMessage(string File, int Line, RiskLevel Label, string Locale, string Text)
{
    public static IReadOnlyList<LabelledMessage> ReadAll(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safety", "DevSet", file);
        var messages = new List<LabelledMessage>();
        var number = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 3);
            if (parts.Length != 3 || !Enum.TryParse<RiskLevel>(parts[0], ignoreCase: true, out var label))
            {
                throw new FormatException($"{file}:{number}: expected 'label<TAB>locale<TAB>text'.");
            }

            messages.Add(new LabelledMessage(file, number, label, parts[1], parts[2]));
        }

        return messages;
    }
}
