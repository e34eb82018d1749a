using System.Text;

namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>
/// Turns a message into words the rules can match: lower case, accents removed, typographic apostrophes unified and
/// dropped inside words ("don’t" → "dont"), leetspeak inside words mapped to letters ("k1ll" → "kill"), and runs of a
/// repeated letter squeezed to one ("sooo" → "so", "kill" → "kil"; rule words are squeezed the same way). Writes into
/// a caller-provided buffer: no allocation.
/// </summary>
internal static class TextNormaliser
{
    private const int FoldTableSize = 0x250;
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Normalises <paramref name="text"/> into <paramref name="buffer"/> (at least as long as the text) and
    /// records its words in <paramref name="tokens"/>; returns the number of words (at most the span's length).</summary>
    public static int Tokenise(ReadOnlySpan<char> text, Span<char> buffer, Span<RawToken> tokens)
    {
        var count = 0;
        var written = 0;
        var tokenStart = -1;
        var sentence = 0;
        var clauseStart = true;
        foreach (var c in text)
        {
            var f = Fold(c);
            if (IsWordChar(f))
            {
                if (tokenStart < 0)
                {
                    tokenStart = written;
                }

                buffer[written++] = f;
                continue;
            }

            if (f == '\'' && tokenStart >= 0)
            {
                continue;
            }

            if (tokenStart >= 0)
            {
                if (count == tokens.Length)
                {
                    return count;
                }

                tokens[count++] = Finish(buffer, tokenStart, ref written, sentence, clauseStart);
                clauseStart = false;
                tokenStart = -1;
            }

            if (IsSentenceEnd(f))
            {
                sentence++;
                clauseStart = true;
            }
            else if (IsClauseMark(f))
            {
                clauseStart = true;
            }
        }

        if (tokenStart >= 0 && count < tokens.Length)
        {
            tokens[count++] = Finish(buffer, tokenStart, ref written, sentence, clauseStart);
        }

        return count;
    }

    /// <summary>Normalises a rule word to the same form as message words (allocates; used only when loading rules).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var buffer = new char[text.Length];
        var tokens = new RawToken[text.Length + 1];
        var count = Tokenise(text, buffer, tokens);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = new string(buffer, tokens[i].Start, tokens[i].Length);
        }

        return words;
    }

    private static RawToken Finish(Span<char> buffer, int start, ref int written, int sentence, bool clauseStart)
    {
        var word = buffer[start..written];
        var hasLetter = false;
        var hasOther = false;
        var allDigits = true;
        foreach (var ch in word)
        {
            hasLetter |= char.IsLetter(ch);
            hasOther |= !char.IsLetter(ch);
            allDigits &= char.IsAsciiDigit(ch);
        }

        if (!hasLetter)
        {
            // A plain number ("988", "20") keeps its digits and is not squeezed.
            return new RawToken(start, word.Length, sentence, clauseStart, IsNumber: allDigits);
        }

        if (hasOther)
        {
            for (var i = 0; i < word.Length; i++)
            {
                word[i] = Leet(word[i]);
            }
        }

        var length = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (length == 0 || word[i] != word[length - 1] || !char.IsLetter(word[i]))
            {
                word[length++] = word[i];
            }
        }

        written = start + length;
        return new RawToken(start, length, sentence, clauseStart, IsNumber: false);
    }

    private static char Fold(char c) => c < FoldTableSize ? FoldTable[c] : c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\u02BC' or '\uFF07' => '\'',
        '\u2026' => '.',
        _ => char.ToLowerInvariant(c),
    };

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ';' or '\u00A1' or '\u00BF';

    private static bool IsClauseMark(char c) => c is ',' or ':' or '(' or ')' or '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB';

    private static char Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => c,
    };

    private static char[] BuildFoldTable()
    {
        var table = new char[FoldTableSize];
        Span<char> one = stackalloc char[1];
        for (var i = 0; i < FoldTableSize; i++)
        {
            var c = (char)i;
            var folded = char.ToLowerInvariant(c);
            if (folded >= 0x80)
            {
                one[0] = folded;
                var decomposed = new string(one).Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0]))
                {
                    folded = decomposed[0];
                }
            }

            table[i] = c is '`' or '\u00B4' ? '\'' : folded;
        }

        return table;
    }
}
