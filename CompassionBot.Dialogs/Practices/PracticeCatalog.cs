using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Practices;

/// <summary>
/// Every practice in every supported locale, loaded from <c>{contentRoot}/Practices/{locale}/*.practice</c> and
/// validated as a whole: the service refuses to start when any file has an error.
/// </summary>
public sealed partial class PracticeCatalog
{
    /// <summary>Folder below the content root that holds the practice files.</summary>
    public const string FolderName = "Practices";

    /// <summary>File extension of a practice file.</summary>
    public const string FileExtension = ".practice";

    private readonly Dictionary<string, IReadOnlyList<Practice>> _byLocale;
    private readonly Dictionary<(string Locale, string Id), Practice> _byId;

    private PracticeCatalog(Dictionary<string, IReadOnlyList<Practice>> byLocale)
    {
        _byLocale = byLocale;
        _byId = byLocale.SelectMany(kv => kv.Value).ToDictionary(p => (p.Locale, p.Id));
    }

    /// <summary>Loads and validates every practice file below <paramref name="contentRootPath"/>/<c>Practices</c>.</summary>
    /// <param name="contentRootPath">The content root, e.g. <c>{bin}/Content</c> (<see cref="ContentOptions.ResolvedRootPath"/>).</param>
    /// <exception cref="ContentValidationException">
    /// Any file is invalid or a translation is missing; the message lists every error as <c>file:line: message</c>.
    /// </exception>
    public static PracticeCatalog Load(string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        var errors = new List<ContentError>();
        var folder = Path.GetFullPath(Path.Combine(contentRootPath, FolderName));
        if (!Directory.Exists(folder))
        {
            throw new ContentValidationException([new ContentError(FolderName, 0, $"Folder not found under the content root '{contentRootPath}'.")]);
        }

        var parsed = new List<ParsedPractice>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + FileExtension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Path.GetFullPath(contentRootPath), path).Replace('\\', '/');
            var locale = LocaleOf(folder, path);
            if (locale is null)
            {
                errors.Add(new ContentError(file, 0, $"A practice file must be in {FolderName}/<locale>/ with a supported locale ({string.Join(", ", SupportedLocales.All)})."));
                continue;
            }

            if (PracticeFileReader.Read(path, file, locale, errors) is { } practice)
            {
                parsed.Add(practice);
            }
        }

        CheckDuplicateIds(parsed, errors);
        CheckTranslations(parsed, errors);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        var byLocale = SupportedLocales.All.ToDictionary(
            l => l,
            l => (IReadOnlyList<Practice>)[.. parsed.Select(p => p.Practice).Where(p => p.Locale == l).OrderBy(p => p.Family).ThenBy(p => p.Minutes).ThenBy(p => p.Id, StringComparer.Ordinal)],
            StringComparer.Ordinal);
        return new PracticeCatalog(byLocale);
    }

    /// <summary>Every practice in <paramref name="locale"/> (English when unsupported), ordered by family, then minutes, then id.</summary>
    public IReadOnlyList<Practice> All(string locale) => _byLocale[Language(locale)];

    /// <summary>The practice <paramref name="id"/> in <paramref name="locale"/> (English when unsupported).</summary>
    /// <exception cref="KeyNotFoundException">No practice has that id.</exception>
    public Practice Get(string id, string locale) =>
        TryGet(id, locale, out var practice) ? practice : throw new KeyNotFoundException($"No practice '{id}'.");

    /// <summary>Finds the practice <paramref name="id"/> in <paramref name="locale"/> (English when unsupported).</summary>
    public bool TryGet(string id, string locale, out Practice practice)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_byId.TryGetValue((Language(locale), id), out var found))
        {
            practice = found;
            return true;
        }

        practice = null!;
        return false;
    }

    private static string Language(string? locale) => SupportedLocales.Match(locale) ?? SupportedLocales.English;

    private static string? LocaleOf(string folder, string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (directory is null || !string.Equals(Path.GetDirectoryName(directory), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return null;
        }

        var name = Path.GetFileName(directory);
        return SupportedLocales.All.Contains(name) ? name : null;
    }

    private static void CheckDuplicateIds(List<ParsedPractice> parsed, List<ContentError> errors)
    {
        foreach (var group in parsed.GroupBy(p => (p.Practice.Locale, p.Practice.Id)).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                errors.Add(new ContentError(
                    duplicate.File, duplicate.LineOf("id"), $"Duplicate practice id '{group.Key.Id}' (also used by {first.File})."));
            }
        }
    }
}
