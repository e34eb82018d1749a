using System.Collections.Frozen;
using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>Compiles one language's parsed content into <see cref="LanguageRules"/>, collecting every error.</summary>
internal sealed class LanguageCompiler
{
    private readonly LanguageSource _source;
    private readonly Func<RuleSource, int> _ruleIndex;
    private readonly List<ContentError> _errors;
    private readonly Dictionary<string, string[]> _maps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prefixes = new(StringComparer.Ordinal);
    private readonly Stack<string> _setsInUse = new();
    private int[][] _prefixClosure = [];
    private int _numberId;
    private bool[] _filler = [];
    private List<PatternNode> _nodes = [];
    private SourceLine _origin;

    private LanguageCompiler(LanguageSource source, Func<RuleSource, int> ruleIndex, List<ContentError> errors)
    {
        _source = source;
        _ruleIndex = ruleIndex;
        _errors = errors;
    }

    /// <summary>Compiles <paramref name="source"/>; errors are added to <paramref name="errors"/>.</summary>
    public static LanguageRules Compile(LanguageSource source, Func<RuleSource, int> ruleIndex, List<ContentError> errors) =>
        new LanguageCompiler(source, ruleIndex, errors).Compile();

    private LanguageRules Compile()
    {
        CollectMaps();
        var sources = _source.Rules.Select(r => (r.Pattern, r.Origin))
            .Concat(_source.Sets.Values)
            .Concat(_source.Fillers.Concat(_source.Negators).Select(f => ((IReadOnlyList<IReadOnlyList<PatternElement>>)[[f.Word]], f.Origin)));
        foreach (var (pattern, origin) in sources)
        {
            _origin = origin;
            foreach (var sequence in pattern)
            {
                CollectVocabulary(sequence);
            }
        }

        var vocabulary = BuildVocabulary();
        var maps = _maps.ToFrozenDictionary(
            m => m.Key,
            m => m.Value.Select(w => vocabulary.Lookup(w, IsNumber(w), 0, clauseStart: false)).ToArray(),
            StringComparer.Ordinal);
        var compiled = new List<(RuleSource Rule, PatternNode[] Nodes, int Entry)>();
        foreach (var rule in _source.Rules.OrderBy(r => r.Kind == SafetyRuleKind.Exclude ? 0 : 1))
        {
            _origin = rule.Origin;
            _nodes = [new PatternNode(PatternNodeKind.Accept, [], -1, [], 0)];
            var entry = CompileAlternatives(rule.Pattern, 0);
            compiled.Add((rule, [.. _nodes], entry));
        }

        var frequency = new int[_filler.Length];
        foreach (var id in compiled.SelectMany(c => c.Nodes).Where(n => n.Kind == PatternNodeKind.Token).SelectMany(n => n.Ids))
        {
            frequency[id]++;
        }

        var patterns = new List<CompiledPattern>();
        foreach (var (rule, nodes, entry) in compiled)
        {
            _origin = rule.Origin;
            var required = RequiredOf(rule.Pattern, frequency);
            if (required is null)
            {
                Error("Every alternative of a pattern needs at least one word that is not optional.");
                continue;
            }

            patterns.Add(new CompiledPattern(_ruleIndex(rule), rule.Kind, nodes, entry, required, rule.Origin));
        }

        return vocabulary.With(maps, [.. patterns]);
    }

    private void CollectMaps()
    {
        var origins = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
        foreach (var (variant, replacement, origin) in _source.Maps)
        {
            var key = TextNormaliser.Words(variant)[0];
            if (!origins.TryAdd(key, origin))
            {
                _errors.Add(new ContentError(origin.File, origin.Line, $"'{variant}' is already mapped at {origins[key].File}:{origins[key].Line}."));
                continue;
            }

            _maps[key] = [.. TextNormaliser.Words(replacement)];
        }

        foreach (var (variant, replacement, origin) in _source.Maps)
        {
            var words = TextNormaliser.Words(replacement);
            if (words.Count == 1 && words[0] == TextNormaliser.Words(variant)[0])
            {
                _errors.Add(new ContentError(origin.File, origin.Line, $"'{variant}' already reads as '{words[0]}' after normalisation; this line has no effect."));
            }
            else if (words.FirstOrDefault(_maps.ContainsKey) is { } chained)
            {
                _errors.Add(new ContentError(origin.File, origin.Line, $"'{variant}' maps to '{chained}', which is itself mapped; write the final words."));
            }
        }
    }

    private void CollectVocabulary(IReadOnlyList<PatternElement> sequence)
    {
        foreach (var element in sequence)
        {
            switch (element.Kind)
            {
                case PatternElementKind.Word:
                    foreach (var word in ExpandWord(element.Text))
                    {
                        _words.TryAdd(word, _words.Count);
                    }

                    break;
                case PatternElementKind.Prefix:
                    if (NormalisePrefix(element.Text) is { } prefix)
                    {
                        _prefixes.TryAdd(prefix, _prefixes.Count);
                    }

                    break;
                case PatternElementKind.Group:
                    foreach (var alternative in element.Alternatives!)
                    {
                        CollectVocabulary(alternative);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private LanguageRules BuildVocabulary()
    {
        var wordCount = _words.Count;
        var prefixIds = _prefixes.ToDictionary(p => p.Key, p => wordCount + p.Value, StringComparer.Ordinal);
        _numberId = wordCount + prefixIds.Count;
        var total = _numberId + 1;
        _prefixClosure = new int[total][];
        foreach (var (prefix, id) in prefixIds)
        {
            _prefixClosure[id] =
            [
                .. _words.Where(w => w.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(w => w.Value)
                    .Concat(prefixIds.Where(q => q.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(q => q.Value))
                    .Order(),
            ];
        }

        _filler = Mark(_source.Fillers, total, checkUse: true);
        var negator = Mark(_source.Negators, total, checkUse: false);
        return new LanguageRules(_source.Locale, _words.ToFrozenDictionary(StringComparer.Ordinal), prefixIds.ToFrozenDictionary(StringComparer.Ordinal), _numberId, _filler, negator);
    }

    private bool[] Mark(List<(PatternElement Word, SourceLine Origin)> list, int total, bool checkUse)
    {
        var marks = new bool[total];
        foreach (var (word, origin) in list)
        {
            _origin = origin;
            foreach (var id in IdsOf(word))
            {
                marks[id] = true;
            }
        }

        if (checkUse)
        {
            // A filler is dropped from messages, so a rule that needs it could never match.
            foreach (var (pattern, origin) in _source.Rules.Select(r => (r.Pattern, r.Origin)).Concat(_source.Sets.Values))
            {
                _origin = origin;
                var used = pattern.SelectMany(Flatten).Where(e => e.Kind == PatternElementKind.Word).SelectMany(e => ExpandWord(e.Text));
                foreach (var word in used.Where(w => marks[_words[w]]))
                {
                    Error($"'{word}' is a filler word (dropped before matching), so this rule cannot use it.");
                }
            }
        }

        return marks;
    }

    private static IEnumerable<PatternElement> Flatten(IReadOnlyList<PatternElement> sequence) =>
        sequence.SelectMany(e => e.Kind == PatternElementKind.Group ? e.Alternatives!.SelectMany(Flatten) : [e]);

    private int CompileAlternatives(IReadOnlyList<IReadOnlyList<PatternElement>> alternatives, int next) =>
        alternatives.Count == 1
            ? CompileSequence(alternatives[0], next)
            : Add(new PatternNode(PatternNodeKind.Split, [], -1, [.. alternatives.Select(a => CompileSequence(a, next))], 0));

    private int CompileSequence(IReadOnlyList<PatternElement> sequence, int next)
    {
        for (var i = sequence.Count - 1; i >= 0; i--)
        {
            var entry = CompileElement(sequence[i], next);
            next = sequence[i].Optional ? Add(new PatternNode(PatternNodeKind.Split, [], -1, [entry, next], 0)) : entry;
        }

        return next;
    }

    private int CompileElement(PatternElement element, int next)
    {
        switch (element.Kind)
        {
            case PatternElementKind.Word:
                var words = ExpandWord(element.Text);
                for (var i = words.Count - 1; i >= 0; i--)
                {
                    next = Add(new PatternNode(PatternNodeKind.Token, [_words[words[i]]], next, [], 0));
                }

                return next;
            case PatternElementKind.Prefix or PatternElementKind.Number:
                return Add(new PatternNode(PatternNodeKind.Token, IdsOf(element), next, [], 0));
            case PatternElementKind.Group:
                return CompileAlternatives(element.Alternatives!, next);
            case PatternElementKind.Set:
                return WithSet(element.Text, set => (int?)CompileAlternatives(set, next)) ?? next;
            case PatternElementKind.Gap:
                return Add(new PatternNode(PatternNodeKind.Gap, [], next, [], element.Gap));
            case PatternElementKind.ClauseStart:
                return Add(new PatternNode(PatternNodeKind.ClauseStart, [], next, [], 0));
            default:
                return Add(new PatternNode(PatternNodeKind.ClauseEnd, [], next, [], 0));
        }
    }

    /// <summary>The cheapest set of ids of which every match must contain one, or null when there is none.</summary>
    private int[]? RequiredOf(IReadOnlyList<IReadOnlyList<PatternElement>> alternatives, int[] frequency)
    {
        var union = new SortedSet<int>();
        foreach (var sequence in alternatives)
        {
            int[]? best = null;
            foreach (var element in sequence.Where(e => !e.Optional))
            {
                foreach (var option in OptionsOf(element, frequency))
                {
                    if (best is null || Score(option, frequency) < Score(best, frequency))
                    {
                        best = option;
                    }
                }
            }

            if (best is null)
            {
                return null;
            }

            union.UnionWith(best);
        }

        return [.. union];
    }

    private IEnumerable<int[]> OptionsOf(PatternElement element, int[] frequency) => element.Kind switch
    {
        PatternElementKind.Word => ExpandWord(element.Text).Select(w => new[] { _words[w] }),
        PatternElementKind.Prefix or PatternElementKind.Number => [IdsOf(element)],
        PatternElementKind.Group => RequiredOf(element.Alternatives!, frequency) is { } ids ? [ids] : [],
        PatternElementKind.Set => WithSet(element.Text, set => RequiredOf(set, frequency)) is { } ids ? [ids] : [],
        _ => [],
    };

    private static long Score(int[] ids, int[] frequency) => ids.Sum(id => (long)frequency[id] + 1);

    private T? WithSet<T>(string name, Func<IReadOnlyList<IReadOnlyList<PatternElement>>, T> use)
    {
        if (!_source.Sets.TryGetValue(name, out var set))
        {
            Error($"Unknown set '@{name}'.");
            return default;
        }

        if (_setsInUse.Contains(name))
        {
            Error($"Set '@{name}' refers to itself (through {string.Join(" → ", _setsInUse.Reverse().Select(s => "@" + s))}).");
            return default;
        }

        _setsInUse.Push(name);
        try
        {
            return use(set.Pattern);
        }
        finally
        {
            _setsInUse.Pop();
        }
    }

    private int[] IdsOf(PatternElement element) => element.Kind switch
    {
        PatternElementKind.Number => [_numberId],
        PatternElementKind.Prefix => NormalisePrefix(element.Text) is { } prefix ? _prefixClosure[_words.Count + _prefixes[prefix]] : [],
        _ => [.. ExpandWord(element.Text).Select(w => _words[w])],
    };

    private List<string> ExpandWord(string text)
    {
        var words = new List<string>();
        foreach (var word in TextNormaliser.Words(text))
        {
            words.AddRange(_maps.TryGetValue(word, out var replacement) ? replacement : [word]);
        }

        if (words.Count == 0)
        {
            Error($"'{text}' has no letters or digits.");
        }

        return words;
    }

    private string? NormalisePrefix(string text)
    {
        var words = TextNormaliser.Words(text);
        if (words.Count != 1 || words[0].Length < 3)
        {
            Error($"'{text}*' must be one word of at least 3 letters.");
            return null;
        }

        return words[0];
    }

    private static bool IsNumber(string word) => word.All(char.IsAsciiDigit);

    private int Add(PatternNode node)
    {
        _nodes.Add(node);
        return _nodes.Count - 1;
    }

    private void Error(string message)
    {
        var error = new ContentError(_origin.File, _origin.Line, message);
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }
}
