using System.Globalization;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Content;

/// <summary>
/// Words and phrases the bot listens for (engagement signals, interruptions), loaded from <c>*.phrases</c> files under
/// <c>{root}/{area}/{locale}/</c>. A line is <c>kind: phrase | phrase | ...</c>; <c>#</c> starts a comment. Phrases are
/// stored folded (<see cref="InputText.Fold"/>: no case, accents or punctuation) and every locale's phrases are
/// heard in every conversation, because people mix languages.
/// </summary>
public sealed class PhraseCatalog
{
    private readonly Dictionary<string, HashSet<string>> _byKind;
    private readonly Dictionary<string, string> _kindOf;

    private PhraseCatalog(Dictionary<string, HashSet<string>> byKind, Dictionary<string, string> kindOf)
    {
        _byKind = byKind;
        _kindOf = kindOf;
    }

    /// <summary>Loads and validates every <c>*.phrases</c> file in the locale folders of <c>{rootPath}/{area}</c>.</summary>
    /// <param name="rootPath">The content root; error messages name files relative to it.</param>
    /// <param name="area">The folder below the root (<c>Engagement</c>, <c>Conversation</c>).</param>
    /// <param name="kinds">The kinds a line may name; each must have at least one phrase in every supported locale.</param>
    /// <param name="searchPattern">The files to read (default every <c>*.phrases</c> file), for areas that keep more than one kind of list.</param>
    /// <exception cref="ContentValidationException">
    /// A line is malformed, names an unknown kind, has an empty phrase or one that is only punctuation, a phrase is
    /// listed twice in one locale or under two kinds, or a locale has no phrase of a kind.
    /// </exception>
    public static PhraseCatalog Load(string rootPath, string area, IReadOnlyCollection<string> kinds, string searchPattern = "*.phrases")
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var reader = new Reader(rootPath, kinds);
        var directory = Path.Combine(rootPath, area);
        if (!Directory.Exists(directory))
        {
            reader.Errors.Add(new ContentError(area, 0, "The folder is missing."));
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(directory, searchPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                reader.ReadFile(file);
            }

            reader.CheckEveryLocaleHasEveryKind(area);
        }

        return reader.Errors.Count > 0 ? throw new ContentValidationException(reader.Errors) : new PhraseCatalog(reader.ByKind, reader.KindOf);
    }

    /// <summary>The folded phrases of <paramref name="kind"/>, from every locale.</summary>
    public IReadOnlySet<string> Phrases(string kind) => _byKind.TryGetValue(kind, out var phrases) ? phrases : [];

    /// <summary>The kind whose phrase is the whole of <paramref name="text"/> (after folding), or null.</summary>
    public string? KindOf(string? text) => _kindOf.GetValueOrDefault(InputText.Fold(text));

    /// <summary>True when a phrase of <paramref name="kind"/> appears in <paramref name="text"/> as whole words.</summary>
    public bool Contains(string kind, string? text)
    {
        var padded = " " + InputText.Fold(text) + " ";
        return Phrases(kind).Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal));
    }

    private sealed class Reader(string rootPath, IReadOnlyCollection<string> kinds)
    {
        private readonly Dictionary<(string Locale, string Phrase), string> _origin = [];
        private readonly HashSet<(string Locale, string Kind)> _seen = [];

        public List<ContentError> Errors { get; } = [];

        public Dictionary<string, HashSet<string>> ByKind { get; } = kinds.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

        public Dictionary<string, string> KindOf { get; } = new(StringComparer.Ordinal);

        public void ReadFile(string file)
        {
            var relative = Path.GetRelativePath(rootPath, file);
            var locale = Path.GetFileName(Path.GetDirectoryName(file)) ?? string.Empty;
            if (!SupportedLocales.All.Contains(locale))
            {
                Errors.Add(new ContentError(relative, 0, $"'{locale}' is not a supported locale folder ({string.Join(", ", SupportedLocales.All)})."));
                return;
            }

            var lineNumber = 0;
            foreach (var raw in File.ReadLines(file))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    ReadLine(line, locale, relative, lineNumber);
                }
            }
        }

        public void CheckEveryLocaleHasEveryKind(string area)
        {
            foreach (var locale in SupportedLocales.All)
            {
                foreach (var kind in kinds.Where(k => !_seen.Contains((locale, k))))
                {
                    Errors.Add(new ContentError(Path.Combine(area, locale), 0, $"No '{kind}' phrases for '{locale}'."));
                }
            }
        }

        private void ReadLine(string line, string locale, string relative, int lineNumber)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? line[..colon].Trim() : string.Empty;
            if (kind.Length == 0)
            {
                Errors.Add(new ContentError(relative, lineNumber, "Expected 'kind: phrase | phrase'."));
                return;
            }

            if (!ByKind.TryGetValue(kind, out var phrases))
            {
                Errors.Add(new ContentError(relative, lineNumber, $"Unknown kind '{kind}' (expected one of: {string.Join(", ", kinds)})."));
                return;
            }

            _seen.Add((locale, kind));
            var where = string.Create(CultureInfo.InvariantCulture, $"{relative}:{lineNumber}");
            foreach (var phrase in line[(colon + 1)..].Split('|').Select(p => p.Trim()))
            {
                var folded = InputText.Fold(phrase);
                if (folded.Length == 0)
                {
                    Errors.Add(new ContentError(relative, lineNumber, phrase.Length == 0 ? "Empty phrase." : $"Phrase '{phrase}' has no letters or digits."));
                }
                else if (KindOf.TryGetValue(folded, out var other) && (other != kind || _origin.ContainsKey((locale, folded))))
                {
                    // The same word in two languages ("menu", "menú") is fine; two meanings for one word are not.
                    var first = _origin.GetValueOrDefault((locale, folded)) ?? _origin.First(o => o.Key.Phrase == folded).Value;
                    Errors.Add(new ContentError(relative, lineNumber, $"Phrase '{phrase}' is already listed as '{other}' in {first}."));
                }
                else
                {
                    phrases.Add(folded);
                    KindOf[folded] = kind;
                    _origin[(locale, folded)] = where;
                }
            }
        }
    }
}
