using CompassionBot.Dialogs.Intents;

namespace CompassionBot.Training;

/// <summary>Reads intent evaluation sets (format: <c>Corpus/intents/README.md</c>).</summary>
internal static class IntentCorpusReader
{
    /// <summary>The folder of the intent sets, relative to the corpus folder.</summary>
    public const string Folder = "intents";

    private const string ChoosePrefix = "choose:";

    /// <summary>Reads the messages of <paramref name="files"/> (relative to <paramref name="corpusRoot"/>).</summary>
    /// <exception cref="FormatException">A line is not <c>intent&lt;TAB&gt;locale&lt;TAB&gt;text</c> with a known intent.</exception>
    public static IReadOnlyList<LabelledIntent> Read(string corpusRoot, IEnumerable<string> files)
    {
        var messages = new List<LabelledIntent>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(corpusRoot, file)))
            {
                number++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split('\t');
                if (parts.Length != 3 || parts[1] is not ("en" or "es") || !TryParseLabel(parts[0], out var intent, out var practice))
                {
                    throw new FormatException($"{file}:{number}: expected 'intent<TAB>locale<TAB>text' with an intent of {string.Join(", ", IntentNames.All)} (choose as 'choose:<practice id>') and locale en|es.");
                }

                messages.Add(new LabelledIntent(file, number, intent, practice, parts[1], parts[2]));
            }
        }

        return messages;
    }

    private static bool TryParseLabel(string label, out Intent intent, out string? practiceId)
    {
        practiceId = label.StartsWith(ChoosePrefix, StringComparison.Ordinal) ? label[ChoosePrefix.Length..] : null;
        if (practiceId is not null)
        {
            intent = Intent.Choose;
            return practiceId.Length > 0;
        }

        return IntentNames.TryParse(label, out intent) && intent != Intent.Choose;
    }
}
