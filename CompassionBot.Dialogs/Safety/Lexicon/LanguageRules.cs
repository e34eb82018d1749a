using System.Collections.Frozen;

namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>One language's compiled vocabulary, rewrites and patterns. Immutable and thread-safe.</summary>
internal sealed class LanguageRules
{
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly FrozenDictionary<string, ResolvedToken[]>.AlternateLookup<ReadOnlySpan<char>> _maps;
    private readonly int[] _prefixLengths;
    private readonly int _numberId;
    private readonly bool[] _filler;
    private readonly bool[] _negator;
    private readonly int[][] _candidates;

    public LanguageRules(
        string locale,
        FrozenDictionary<string, int> words,
        FrozenDictionary<string, int> prefixes,
        int numberId,
        bool[] filler,
        bool[] negator)
    {
        Locale = locale;
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLengths = [.. prefixes.Keys.Select(k => k.Length).Distinct().OrderDescending()];
        _numberId = numberId;
        _filler = filler;
        _negator = negator;
        _maps = FrozenDictionary<string, ResolvedToken[]>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();
        Patterns = [];
        _candidates = [];
    }

    private LanguageRules(LanguageRules vocabulary, FrozenDictionary<string, ResolvedToken[]> maps, CompiledPattern[] patterns)
    {
        Locale = vocabulary.Locale;
        _words = vocabulary._words;
        _prefixes = vocabulary._prefixes;
        _prefixLengths = vocabulary._prefixLengths;
        _numberId = vocabulary._numberId;
        _filler = vocabulary._filler;
        _negator = vocabulary._negator;
        _maps = maps.GetAlternateLookup<ReadOnlySpan<char>>();
        Patterns = patterns;
        var candidates = new List<int>[vocabulary._filler.Length];
        for (var p = 0; p < patterns.Length; p++)
        {
            foreach (var id in patterns[p].Required)
            {
                (candidates[id] ??= []).Add(p);
            }
        }

        _candidates = [.. candidates.Select(list => list is null ? [] : list.ToArray())];
    }

    public string Locale { get; }

    /// <summary>Exclusions first, then crisis/concern/distress patterns.</summary>
    public CompiledPattern[] Patterns { get; }

    /// <summary>Pattern indices to try when a word id is present.</summary>
    public int[] CandidatesFor(int id) => _candidates[id];

    /// <summary>The finished rules: this vocabulary with rewrites and patterns.</summary>
    public LanguageRules With(FrozenDictionary<string, ResolvedToken[]> maps, CompiledPattern[] patterns) => new(this, maps, patterns);

    /// <summary>Looks a word up (no rewrites): exact id, else longest prefix or number class.</summary>
    public ResolvedToken Lookup(ReadOnlySpan<char> word, bool isNumber, int sentence, bool clauseStart)
    {
        var primary = _words.TryGetValue(word, out var id) ? id : -1;
        var secondary = -1;
        if (isNumber)
        {
            secondary = _numberId;
        }
        else if (primary < 0)
        {
            foreach (var length in _prefixLengths)
            {
                if (length <= word.Length && _prefixes.TryGetValue(word[..length], out var prefix))
                {
                    secondary = prefix;
                    break;
                }
            }
        }

        var negator = (primary >= 0 && _negator[primary]) || (secondary >= 0 && _negator[secondary]);
        return new ResolvedToken(primary, secondary, sentence, clauseStart, negator);
    }

    /// <summary>Whether a looked-up word is dropped before matching.</summary>
    public bool IsFiller(ResolvedToken token) => (token.Primary >= 0 && _filler[token.Primary]) || (token.Secondary >= 0 && _filler[token.Secondary]);

    /// <summary>Resolves the words of a message: applies rewrites, drops fillers. Returns the count written.</summary>
    public int Resolve(ReadOnlySpan<char> buffer, ReadOnlySpan<RawToken> raw, Span<ResolvedToken> resolved)
    {
        var count = 0;
        var pendingClauseStart = false;
        foreach (var token in raw)
        {
            var word = buffer.Slice(token.Start, token.Length);
            var clauseStart = token.ClauseStart || pendingClauseStart;
            pendingClauseStart = false;
            if (_maps.TryGetValue(word, out var replacement))
            {
                foreach (var mapped in replacement)
                {
                    if (IsFiller(mapped))
                    {
                        continue;
                    }

                    if (count == resolved.Length)
                    {
                        return count;
                    }

                    resolved[count++] = mapped with { Sentence = token.Sentence, ClauseStart = clauseStart };
                    clauseStart = false;
                }

                pendingClauseStart = clauseStart;
                continue;
            }

            var looked = Lookup(word, token.IsNumber, token.Sentence, clauseStart);
            if (IsFiller(looked))
            {
                pendingClauseStart = clauseStart;
                continue;
            }

            if (count == resolved.Length)
            {
                return count;
            }

            resolved[count++] = looked;
        }

        return count;
    }
}
