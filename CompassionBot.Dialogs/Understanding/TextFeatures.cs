using System.Buffers;
using System.Collections.Frozen;

namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// The words of a message as sparse, signed, hashed features for the crisis head, beside its sentence embedding: whole
/// words, character 3–5-grams inside words (typos and word forms: "matarme", "matrme"), word pairs and triples, and
/// words inside a negated stretch of a clause ("no quiero morir" is not "quiero morir"). The features have unit
/// length. Thread-safe.
/// </summary>
public sealed class TextFeatures
{
    private const int MinGram = 3;
    private const int MaxGram = 5;
    private readonly FrozenSet<string> _negators;
    private readonly FrozenSet<string> _contrasts;

    /// <summary>Creates the featuriser.</summary>
    public TextFeatures(TextFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Buckets < 1024 || options.Buckets > 1 << 20 || (options.Buckets & (options.Buckets - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Buckets, "Buckets must be a power of two from 1,024 to 1,048,576.");
        }

        Options = options;
        _negators = options.Negators.ToFrozenSet(StringComparer.Ordinal);
        _contrasts = options.Contrasts.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The options.</summary>
    public TextFeatureOptions Options { get; }

    /// <summary>The features of <paramref name="canonicalText"/>: distinct buckets in ascending order, with values.</summary>
    public SparseFeatures Extract(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        var hashes = new List<(int Bucket, float Sign)>(canonicalText.Length * 4);
        var words = Words(canonicalText, out var clauseOf);
        var negated = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            Add(hashes, "w", word);
            AddCharacterGrams(hashes, word);
            if (i + 1 < words.Count && clauseOf[i + 1] == clauseOf[i])
            {
                Add(hashes, "b", word, words[i + 1]);
                if (i + 2 < words.Count && clauseOf[i + 2] == clauseOf[i])
                {
                    Add(hashes, "t", word, words[i + 1], words[i + 2]);
                }
            }

            negated = (i > 0 && clauseOf[i] != clauseOf[i - 1]) ? false : negated;
            if (_negators.Contains(word))
            {
                negated = true;
            }
            else if (_contrasts.Contains(word))
            {
                negated = false;
            }
            else if (negated)
            {
                Add(hashes, "n", word);
            }
        }

        return SparseFeatures.FromHashes(hashes);
    }

    private void Add(List<(int, float)> hashes, string kind, string a, string? b = null, string? c = null)
    {
        var hash = Fnv(Fnv(Fnv(Fnv(2166136261, kind), a), b), c);
        hashes.Add(((int)(hash & (uint)(Options.Buckets - 1)), (hash & 0x80000000) != 0 ? 1f : -1f));
    }

    private void AddCharacterGrams(List<(int, float)> hashes, string word)
    {
        var padded = ArrayPool<char>.Shared.Rent(word.Length + 2);
        try
        {
            padded[0] = '<';
            word.CopyTo(0, padded, 1, word.Length);
            padded[word.Length + 1] = '>';
            var length = word.Length + 2;
            for (var n = MinGram; n <= MaxGram; n++)
            {
                for (var start = 0; start + n <= length; start++)
                {
                    var hash = Fnv(Fnv(2166136261, "c"), padded.AsSpan(start, n));
                    hashes.Add(((int)(hash & (uint)(Options.Buckets - 1)), (hash & 0x80000000) != 0 ? 1f : -1f));
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(padded);
        }
    }

    // Lower-case words of letters and digits (apostrophes dropped: "don't" = "dont"); clauses end at . , ; : ! ? and ( ).
    private static List<string> Words(string text, out List<int> clauseOf)
    {
        var words = new List<string>();
        clauseOf = [];
        var clause = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || (start >= 0 && c is '\'' or '\u2019'))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                words.Add(text[start..i].Replace("'", string.Empty, StringComparison.Ordinal).Replace("\u2019", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
                clauseOf.Add(clause);
                start = -1;
            }

            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')')
            {
                clause++;
            }
        }

        return words;
    }

    private static uint Fnv(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        // A separator, so ("ab", "c") and ("a", "bc") differ.
        return (hash ^ 0x1F) * 16777619;
    }

    private static uint Fnv(uint hash, string? text) => text is null ? hash : Fnv(hash, text.AsSpan());
}
