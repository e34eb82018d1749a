using System.Globalization;

namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>
/// Parses a rule pattern: words separated by spaces; <c>word*</c> prefix; <c>@set</c>; <c>(a b|c)</c> alternatives;
/// <c>?</c> after an element makes it optional; <c>~N</c> skips up to N (1–5) words but never a negation;
/// <c>^</c> / <c>$</c> clause start / end; <c>&lt;num&gt;</c> any number. Alternatives may also be separated by
/// <c>|</c> at the top level.
/// </summary>
internal sealed class PatternParser
{
    private const int MaxGap = 5;
    private readonly string _text;
    private int _position;

    private PatternParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and a reason.</summary>
    public static IReadOnlyList<IReadOnlyList<PatternElement>>? Parse(string text, out string? error)
    {
        var parser = new PatternParser(text);
        try
        {
            var alternatives = parser.ParseAlternatives();
            parser.SkipSpaces();
            if (parser._position < text.Length)
            {
                throw new FormatException($"Unexpected '{text[parser._position]}' at column {parser._position + 1}.");
            }

            error = null;
            return alternatives;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private List<IReadOnlyList<PatternElement>> ParseAlternatives()
    {
        var alternatives = new List<IReadOnlyList<PatternElement>> { ParseSequence() };
        while (Peek() == '|')
        {
            _position++;
            alternatives.Add(ParseSequence());
        }

        return alternatives;
    }

    private List<PatternElement> ParseSequence()
    {
        var sequence = new List<PatternElement>();
        while (true)
        {
            var c = Peek();
            if (c is null or '|' or ')')
            {
                break;
            }

            var element = ParseAtom();
            if (Peek(skipSpaces: false) == '?')
            {
                _position++;
                element = element with { Optional = true };
            }

            sequence.Add(element);
        }

        return sequence.Count == 0 ? throw new FormatException("Empty alternative (check '|' and parentheses).") : sequence;
    }

    private PatternElement ParseAtom()
    {
        var c = _text[_position];
        switch (c)
        {
            case '(':
                _position++;
                var alternatives = ParseAlternatives();
                if (Peek() != ')')
                {
                    throw new FormatException("Missing ')'.");
                }

                _position++;

                // "(this|exams?|...)" would match no word at all, so the group would always match.
                return alternatives.Any(a => a.All(e => e.Optional))
                    ? throw new FormatException("An alternative in '( )' made only of optional words matches nothing; put the '?' after the whole group instead.")
                    : new PatternElement(PatternElementKind.Group, Alternatives: alternatives);
            case '~':
                _position++;
                var digits = ReadWord();
                return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var gap) && gap is >= 1 and <= MaxGap
                    ? new PatternElement(PatternElementKind.Gap, Gap: gap)
                    : throw new FormatException($"'~{digits}': a gap is ~1 to ~{MaxGap}.");
            case '^':
                _position++;
                return new PatternElement(PatternElementKind.ClauseStart);
            case '$':
                _position++;
                return new PatternElement(PatternElementKind.ClauseEnd);
            case '@':
                _position++;
                var name = ReadWord();
                return IsName(name) ? new PatternElement(PatternElementKind.Set, name) : throw new FormatException($"'@{name}' is not a valid set name.");
            default:
                var word = ReadWord();
                if (word == "<num>")
                {
                    return new PatternElement(PatternElementKind.Number);
                }

                if (word.Length == 0 || word.AsSpan().IndexOfAny("<>@$") >= 0)
                {
                    throw new FormatException($"Unexpected '{c}' at column {_position + 1}.");
                }

                return word.EndsWith('*')
                    ? word.Length >= 4 && !word[..^1].Contains('*', StringComparison.Ordinal)
                        ? new PatternElement(PatternElementKind.Prefix, word[..^1])
                        : throw new FormatException($"'{word}': a prefix needs at least 3 letters before '*'.")
                    : word.Contains('*', StringComparison.Ordinal)
                        ? throw new FormatException($"'{word}': '*' may only end a word.")
                        : new PatternElement(PatternElementKind.Word, word);
        }
    }

    private static bool IsName(string name) => name.Length > 0 && name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '_' or '-');

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]) && _text[_position] is not ('(' or ')' or '|' or '?' or '~' or '^'))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private char? Peek(bool skipSpaces = true)
    {
        if (skipSpaces)
        {
            SkipSpaces();
        }

        return _position < _text.Length ? _text[_position] : null;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }
}
