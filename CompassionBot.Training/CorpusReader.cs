using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Training;

/// <summary>Reads the labelled corpus (format: <c>Corpus/README.md</c>).</summary>
internal static class CorpusReader
{
    /// <summary>Every <c>*.tsv</c> file of <paramref name="folder"/> (relative to <paramref name="corpusRoot"/>), in name order.</summary>
    public static IReadOnlyList<string> Files(string corpusRoot, string folder) =>
        [.. Directory.GetFiles(Path.Combine(corpusRoot, folder), "*.tsv")
            .Select(f => Path.GetRelativePath(corpusRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads the messages of <paramref name="files"/>.</summary>
    /// <exception cref="FormatException">A line is not <c>label&lt;TAB&gt;locale&lt;TAB&gt;[kind&lt;TAB&gt;]text</c>.</exception>
    public static IReadOnlyList<LabelledMessage> Read(string corpusRoot, IEnumerable<string> files)
    {
        var messages = new List<LabelledMessage>();
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
                if (parts.Length is not (3 or 4) || !Enum.TryParse<RiskLevel>(parts[0], ignoreCase: true, out var label) || parts[1] is not ("en" or "es"))
                {
                    throw new FormatException($"{file}:{number}: expected 'label<TAB>locale<TAB>[kind<TAB>]text' with label crisis|concern|none and locale en|es.");
                }

                var text = parts[^1].Replace("\\n", "\n", StringComparison.Ordinal);
                messages.Add(new LabelledMessage(file, number, label, parts[1], parts.Length == 4 ? parts[2] : string.Empty, text));
            }
        }

        return messages;
    }

    /// <summary>SHA-256 over the files' names and contents, in the given order, lower-case hex.</summary>
    public static string Hash(string corpusRoot, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(corpusRoot, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
