using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// The labelled examples of every intent the semantic layer may return, from <c>{root}/Understanding/{locale}/{intent}.examples</c>
/// (one message a line, <c>#</c> starts a comment), in a fixed order: locale, then file name, then line.
/// </summary>
public sealed class IntentExamples
{
    /// <summary>The content folder of the examples, below the content root.</summary>
    public const string ContentArea = "Understanding";

    /// <summary>The extension of an examples file.</summary>
    public const string FileExtension = ".examples";

    private IntentExamples(IReadOnlyList<IntentExample> all, string sha256)
    {
        All = all;
        Sha256 = sha256;
    }

    /// <summary>Every example, in order.</summary>
    public IReadOnlyList<IntentExample> All { get; }

    /// <summary>SHA-256 over every example's locale, intent and text, in order (comments and blank lines do not count),
    /// lower-case hex: what an <see cref="IntentHeadFile"/> was trained on.</summary>
    public string Sha256 { get; }

    /// <summary>The intents the examples may teach: all but <see cref="Intent.Choose"/>, which only the precise layer decides.</summary>
    public static IReadOnlyList<Intent> Taught { get; } = [.. Enum.GetValues<Intent>().Where(i => i != Intent.Choose)];

    /// <summary>Loads and validates the examples below <paramref name="contentRoot"/>.</summary>
    /// <exception cref="ContentValidationException">A file is named after no taught intent, a locale lacks an intent, an
    /// example has no letters or digits, or one example is listed under two intents.</exception>
    public static IntentExamples Load(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var errors = new List<ContentError>();
        var examples = new List<IntentExample>();
        foreach (var locale in SupportedLocales.All)
        {
            var folder = Path.Combine(contentRoot, ContentArea, locale);
            var files = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*" + FileExtension).Order(StringComparer.Ordinal).ToList()
                : [];
            var seen = new HashSet<Intent>();
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(contentRoot, file);
                if (!IntentNames.TryParse(Path.GetFileNameWithoutExtension(file), out var intent) || intent == Intent.Choose)
                {
                    errors.Add(new ContentError(relative, 0, $"An examples file is named after the intent it teaches: one of {string.Join(", ", Taught.Select(IntentNames.Name))}."));
                    continue;
                }

                seen.Add(intent);
                examples.AddRange(Read(file, relative, locale, intent, errors));
            }

            errors.AddRange(Taught.Where(i => !seen.Contains(i))
                .Select(i => new ContentError(Path.Combine(ContentArea, locale), 0, $"No examples of '{IntentNames.Name(i)}' ({IntentNames.Name(i)}{FileExtension}).")));
        }

        errors.AddRange(Contradictions(examples));
        return errors.Count > 0 ? throw new ContentValidationException(errors) : new IntentExamples(examples, Hash(examples));
    }

    private static IEnumerable<IntentExample> Read(string file, string relative, string locale, Intent intent, List<ContentError> errors)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var text = raw.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (InputText.Fold(text).Length == 0)
            {
                // The encoder reads every emoji as one unknown token: emoji alone belong in emoji.intents.
                errors.Add(new ContentError(relative, number, $"Example '{text}' has no letters or digits (emoji alone go in {EmojiIntents.FileName})."));
                continue;
            }

            yield return new IntentExample(intent, locale, text, relative, number);
        }
    }

    // One wording with two meanings would make the nearest examples disagree with themselves.
    private static IEnumerable<ContentError> Contradictions(List<IntentExample> examples)
    {
        foreach (var group in examples.GroupBy(e => InputText.Fold(e.Text), StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var other in group.Where(e => e.Intent != first.Intent))
            {
                yield return new ContentError(other.File, other.Line, $"Example '{other.Text}' is also an example of '{IntentNames.Name(first.Intent)}' ({first.File}:{first.Line}): one wording, one intent.");
            }
        }
    }

    private static string Hash(List<IntentExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var example in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{example.Locale}\t{IntentNames.Name(example.Intent)}\t{example.Text}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
