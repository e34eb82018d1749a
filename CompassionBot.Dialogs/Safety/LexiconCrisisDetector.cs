using System.Buffers;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety.Lexicon;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The embedded crisis detector: transparent rules and lexicons from <c>{content root}/Safety/{locale}/*.rules</c>,
/// reviewed by clinicians (see <c>Safety/Content/README.md</c>). Text is canonicalised (<see cref="TextCanonicaliser"/>), then normalised (case, accents,
/// apostrophes, leetspeak, repeated letters, slang rewrites, fillers); then every language's patterns are matched.
/// A crisis, concern or distress match is silenced only by an exclusion match that wholly contains it, so a
/// disclosure next to a denial or a joke still counts. Thread-safe; allocates nothing per message except the
/// result when two or more rules fire, and the decoded text of a message with an <c>&amp;</c>.
/// </summary>
public sealed class LexiconCrisisDetector : ICrisisDetector
{
    private const int StackTokens = 256;
    private const int MaxExclusions = 64;
    private readonly LanguageRules[] _languages;
    private readonly string[] _ruleIds;
    private readonly SafetyRuleKind[] _ruleKinds;
    private readonly SafetyAssessment[] _singleRule;

    private LexiconCrisisDetector(LanguageRules[] languages, string[] ruleIds, SafetyRuleKind[] ruleKinds)
    {
        _languages = languages;
        _ruleIds = ruleIds;
        _ruleKinds = ruleKinds;
        _singleRule = [.. ruleIds.Select((id, i) => new SafetyAssessment(LevelOf(ruleKinds[i]), [id]))];
    }

    /// <summary>Loads and validates the rules under <c>{contentRootPath}/Safety/{locale}/</c> for every supported locale.</summary>
    /// <exception cref="ContentValidationException">A file is missing or malformed; the message lists file and line.</exception>
    public static LexiconCrisisDetector Load(string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        var files = new List<(string Locale, string RelativePath, IReadOnlyList<string> Lines)>();
        var errors = new List<ContentError>();
        foreach (var locale in SupportedLocales.All)
        {
            var folder = Path.Combine(contentRootPath, "Safety", locale);
            var found = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.rules").Order(StringComparer.Ordinal).ToArray() : [];
            if (found.Length == 0)
            {
                errors.Add(new ContentError(Path.Combine("Safety", locale), 0, "No *.rules files: the crisis detector cannot run without rules."));
            }

            files.AddRange(found.Select(f => (locale, Path.GetRelativePath(contentRootPath, f), (IReadOnlyList<string>)File.ReadAllLines(f))));
        }

        return errors.Count > 0 ? throw new ContentValidationException(errors) : FromFiles(files);
    }

    /// <summary>Builds the detector from file contents (tests use this directly).</summary>
    internal static LexiconCrisisDetector FromFiles(IEnumerable<(string Locale, string RelativePath, IReadOnlyList<string> Lines)> files)
    {
        var errors = new List<ContentError>();
        var sources = new Dictionary<string, LanguageSource>(StringComparer.Ordinal);
        foreach (var (locale, path, lines) in files)
        {
            if (!sources.TryGetValue(locale, out var source))
            {
                sources[locale] = source = new LanguageSource(locale);
            }

            SafetyContentParser.ParseFile(path, lines, source, errors);
        }

        var ids = new List<string>();
        var kinds = new List<SafetyRuleKind>();
        var firstSeen = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
        int RuleIndex(RuleSource rule)
        {
            var index = ids.IndexOf(rule.Id);
            if (index < 0)
            {
                ids.Add(rule.Id);
                kinds.Add(rule.Kind);
                firstSeen[rule.Id] = rule.Origin;
                return ids.Count - 1;
            }

            if (kinds[index] != rule.Kind)
            {
                var first = firstSeen[rule.Id];
                errors.Add(new ContentError(rule.Origin.File, rule.Origin.Line, $"Rule '{rule.Id}' is a {kinds[index].ToString().ToLowerInvariant()} rule at {first.File}:{first.Line}; one id has one kind."));
            }

            return index;
        }

        var languages = sources.Values.Select(s => LanguageCompiler.Compile(s, RuleIndex, errors)).ToArray();
        return errors.Count > 0
            ? throw new ContentValidationException(errors)
            : new LexiconCrisisDetector(languages, [.. ids], [.. kinds]);
    }

    /// <inheritdoc />
    public SafetyAssessment Classify(string text, string? locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return SafetyAssessment.Safe;
        }

        // Entities, invisible characters, look-alike letters and line breaks must not split or disguise a phrase.
        text = TextCanonicaliser.Canonicalise(text);

        char[]? rentedChars = null;
        RawToken[]? rentedRaw = null;
        ResolvedToken[]? rentedResolved = null;
        var maxTokens = (text.Length / 2) + 1;
        Span<char> buffer = text.Length <= StackTokens * 2 ? stackalloc char[text.Length] : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
        Span<RawToken> raw = maxTokens <= StackTokens ? stackalloc RawToken[maxTokens] : (rentedRaw = ArrayPool<RawToken>.Shared.Rent(maxTokens));

        // Rewrites can lengthen a message ("kms" → "kill myself"); a longer result is cut, never overrun.
        Span<ResolvedToken> resolved = maxTokens <= StackTokens
            ? stackalloc ResolvedToken[maxTokens * 3]
            : (rentedResolved = ArrayPool<ResolvedToken>.Shared.Rent(maxTokens * 3));
        Span<ulong> fired = stackalloc ulong[(_ruleIds.Length + 63) / 64];
        try
        {
            var count = TextNormaliser.Tokenise(text, buffer, raw);
            var first = FirstLanguage(locale);
            for (var i = 0; i < _languages.Length; i++)
            {
                var language = _languages[(i + first) % _languages.Length];
                var words = language.Resolve(buffer, raw[..count], resolved);
                Match(language, resolved[..words], fired);
            }

            return Result(fired);
        }
        finally
        {
            ReturnIfRented(rentedChars);
            ReturnIfRented(rentedRaw);
            ReturnIfRented(rentedResolved);
        }
    }

    private int FirstLanguage(string? locale)
    {
        // Span comparison rather than SupportedLocales.Match, which allocates: this runs on every message.
        var tag = locale.AsSpan();
        var end = tag.IndexOfAny('-', '_');
        var language = (end < 0 ? tag : tag[..end]).Trim();
        for (var i = 0; i < _languages.Length; i++)
        {
            if (language.Equals(_languages[i].Locale, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return 0;
    }

    private static void ReturnIfRented<T>(T[]? array)
    {
        if (array is not null)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    private static void Match(LanguageRules language, ReadOnlySpan<ResolvedToken> tokens, Span<ulong> fired)
    {
        var patterns = language.Patterns;
        Span<ulong> candidates = stackalloc ulong[(patterns.Length + 63) / 64];
        var anyPositive = false;
        foreach (var token in tokens)
        {
            anyPositive |= MarkCandidates(language, token.Primary, candidates);
            anyPositive |= MarkCandidates(language, token.Secondary, candidates);
        }

        if (!anyPositive)
        {
            return;
        }

        Span<(int Start, int End)> exclusions = stackalloc (int, int)[MaxExclusions];
        var excluded = 0;
        for (var p = NextSet(candidates, 0); p >= 0; p = NextSet(candidates, p + 1))
        {
            var pattern = patterns[p];
            if (pattern.Kind == SafetyRuleKind.Exclude)
            {
                for (var start = 0; start < tokens.Length && excluded < MaxExclusions; start++)
                {
                    var end = pattern.MatchAt(tokens, start);
                    if (end > start)
                    {
                        exclusions[excluded++] = (start, end);
                    }
                }

                continue;
            }

            if ((fired[pattern.Rule >> 6] & (1UL << pattern.Rule)) != 0)
            {
                continue;
            }

            for (var start = 0; start < tokens.Length; start++)
            {
                var end = pattern.MatchAt(tokens, start);
                if (end > start && !Contained(exclusions[..excluded], start, end))
                {
                    fired[pattern.Rule >> 6] |= 1UL << pattern.Rule;
                    break;
                }
            }
        }
    }

    private static bool MarkCandidates(LanguageRules language, int id, Span<ulong> candidates)
    {
        if (id < 0)
        {
            return false;
        }

        var positive = false;
        foreach (var p in language.CandidatesFor(id))
        {
            candidates[p >> 6] |= 1UL << p;
            positive |= language.Patterns[p].Kind != SafetyRuleKind.Exclude;
        }

        return positive;
    }

    private static int NextSet(ReadOnlySpan<ulong> bits, int from)
    {
        for (var word = from >> 6; word < bits.Length; word++)
        {
            var masked = word == from >> 6 ? bits[word] & (ulong.MaxValue << (from & 63)) : bits[word];
            if (masked != 0)
            {
                return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(masked);
            }
        }

        return -1;
    }

    private static bool Contained(ReadOnlySpan<(int Start, int End)> exclusions, int start, int end)
    {
        foreach (var (exclusionStart, exclusionEnd) in exclusions)
        {
            if (exclusionStart <= start && end <= exclusionEnd)
            {
                return true;
            }
        }

        return false;
    }

    private SafetyAssessment Result(ReadOnlySpan<ulong> fired)
    {
        var count = 0;
        var last = -1;
        var level = RiskLevel.None;
        for (var r = NextSet(fired, 0); r >= 0; r = NextSet(fired, r + 1))
        {
            count++;
            last = r;
            level = (RiskLevel)Math.Max((int)level, (int)LevelOf(_ruleKinds[r]));
        }

        if (count <= 1)
        {
            return count == 0 ? SafetyAssessment.Safe : _singleRule[last];
        }

        var ids = new string[count];
        var i = 0;
        for (var r = NextSet(fired, 0); r >= 0; r = NextSet(fired, r + 1))
        {
            ids[i++] = _ruleIds[r];
        }

        return new SafetyAssessment(level, ids);
    }

    private static RiskLevel LevelOf(SafetyRuleKind kind) => kind switch
    {
        SafetyRuleKind.Crisis => RiskLevel.Crisis,
        SafetyRuleKind.Concern => RiskLevel.Concern,
        _ => RiskLevel.None,
    };
}
