using System.Globalization;

namespace CompassionBot.Dialogs.Content;

/// <summary>
/// The bot's own texts (welcome, help, menu, prompts, referrals), loaded from <c>*.messages</c> files under
/// <c>{root}/{area}/{locale}/</c>. A line is <c>key: text</c>; <c>#</c> starts a comment; <c>\n</c> in a text is a line
/// break; <c>{name}</c> is a placeholder. Every key must exist in every supported locale.
/// </summary>
public sealed class MessageCatalog
{
    private readonly Dictionary<string, Dictionary<string, string>> _byLocale;

    private MessageCatalog(Dictionary<string, Dictionary<string, string>> byLocale) => _byLocale = byLocale;

    /// <summary>Loads and validates every <c>*.messages</c> file below <paramref name="rootPath"/>.</summary>
    /// <exception cref="ContentValidationException">A line is malformed, a key repeats, or a translation is missing.</exception>
    public static MessageCatalog Load(string rootPath)
    {
        var errors = new List<ContentError>();
        var byLocale = SupportedLocales.All.ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var origin = new Dictionary<(string Locale, string Key), string>();
        foreach (var file in Directory.EnumerateFiles(rootPath, "*.messages", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(rootPath, file);
            var locale = Path.GetFileName(Path.GetDirectoryName(file)) ?? string.Empty;
            if (!byLocale.TryGetValue(locale, out var messages))
            {
                errors.Add(new ContentError(relative, 0, $"'{locale}' is not a supported locale folder ({string.Join(", ", SupportedLocales.All)})."));
                continue;
            }

            ReadFile(file, relative, locale, messages, origin, errors);
        }

        CheckTranslations(byLocale, origin, errors);
        return errors.Count > 0 ? throw new ContentValidationException(errors) : new MessageCatalog(byLocale);
    }

    /// <summary>Whether <paramref name="key"/> exists.</summary>
    public bool Contains(string key) => _byLocale[SupportedLocales.English].ContainsKey(key);

    /// <summary>The text for <paramref name="key"/> in <paramref name="locale"/> (English when unsupported), placeholders filled.</summary>
    /// <exception cref="KeyNotFoundException">No message has that key.</exception>
    public string Get(string key, string? locale, params (string Name, string Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var language = SupportedLocales.Match(locale) ?? SupportedLocales.English;
        if (!_byLocale[language].TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No message '{key}'.");
        }

        foreach (var (name, value) in arguments)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every key with its text in <paramref name="locale"/> (for content checks).</summary>
    public IReadOnlyDictionary<string, string> All(string locale) => _byLocale[SupportedLocales.Match(locale) ?? SupportedLocales.English];

    private static void ReadFile(
        string file,
        string relative,
        string locale,
        Dictionary<string, string> messages,
        Dictionary<(string Locale, string Key), string> origin,
        List<ContentError> errors)
    {
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(file))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? line[..colon].Trim() : string.Empty;
            var text = colon > 0 ? line[(colon + 1)..].Trim().Replace("\\n", "\n", StringComparison.Ordinal) : string.Empty;
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || text.Length == 0)
            {
                errors.Add(new ContentError(relative, lineNumber, "Expected 'key: text'."));
            }
            else if (!messages.TryAdd(key, text))
            {
                errors.Add(new ContentError(relative, lineNumber, $"Message '{key}' is already defined in {origin[(locale, key)]}."));
            }
            else
            {
                origin[(locale, key)] = string.Create(CultureInfo.InvariantCulture, $"{relative}:{lineNumber}");
            }
        }
    }

    private static void CheckTranslations(
        Dictionary<string, Dictionary<string, string>> byLocale,
        Dictionary<(string Locale, string Key), string> origin,
        List<ContentError> errors)
    {
        var allKeys = byLocale.Values.SelectMany(m => m.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (locale, messages) in byLocale)
        {
            foreach (var key in allKeys.Where(k => !messages.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                var other = byLocale.Keys.First(l => byLocale[l].ContainsKey(key));
                errors.Add(new ContentError(origin[(other, key)], 0, $"Message '{key}' has no '{locale}' translation."));
            }
        }
    }
}
