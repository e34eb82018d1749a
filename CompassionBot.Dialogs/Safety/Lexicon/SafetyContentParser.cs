using CompassionBot.Dialogs.Content;

namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>
/// Reads <c>*.rules</c> lines. A line is one of:
/// <c>map WORD = WORDS</c>, <c>filler = W | W*</c>, <c>negator = W | W</c> (or <c>barrier</c>: both are words a gap never skips), <c>set @name = PATTERN</c>,
/// <c>crisis|concern|distress|exclude RULE-ID = PATTERN</c>; <c>#</c> starts a comment line.
/// </summary>
internal static class SafetyContentParser
{
    public static void ParseFile(string relativePath, IEnumerable<string> lines, LanguageSource language, List<ContentError> errors)
    {
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var origin = new SourceLine(relativePath, lineNumber);
            var error = ParseLine(line, origin, language);
            if (error is not null)
            {
                errors.Add(new ContentError(relativePath, lineNumber, error));
            }
        }
    }

    private static string? ParseLine(string line, SourceLine origin, LanguageSource language)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return "Expected 'directive name = value' (directives: map, filler, negator, barrier, set, crisis, concern, distress, exclude).";
        }

        var head = line[..equals].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var body = line[(equals + 1)..].Trim();
        if (head.Length == 0 || body.Length == 0)
        {
            return "Expected 'directive name = value'.";
        }

        var name = head.Length > 1 ? head[1] : null;
        if (head.Length > 2)
        {
            return $"Unexpected '{head[2]}' before '='.";
        }

        return head[0] switch
        {
            "map" => ParseMap(name, body, origin, language),
            "filler" => ParseWordList(name, body, origin, language.Fillers),
            "negator" or "barrier" => ParseWordList(name, body, origin, language.Negators),
            "set" => ParseSet(name, body, origin, language),
            "crisis" => ParseRule(SafetyRuleKind.Crisis, name, body, origin, language),
            "concern" => ParseRule(SafetyRuleKind.Concern, name, body, origin, language),
            "distress" => ParseRule(SafetyRuleKind.Distress, name, body, origin, language),
            "exclude" => ParseRule(SafetyRuleKind.Exclude, name, body, origin, language),
            _ => $"Unknown directive '{head[0]}' (expected map, filler, negator, barrier, set, crisis, concern, distress or exclude).",
        };
    }

    private static string? ParseMap(string? variant, string body, SourceLine origin, LanguageSource language)
    {
        if (variant is null || TextNormaliser.Words(variant).Count != 1)
        {
            return "'map' needs exactly one word before '=' (map kms = kill myself).";
        }

        if (TextNormaliser.Words(body).Count == 0)
        {
            return "'map' needs words after '='.";
        }

        language.Maps.Add((variant, body, origin));
        return null;
    }

    private static string? ParseWordList(string? name, string body, SourceLine origin, List<(PatternElement Word, SourceLine Origin)> target)
    {
        if (name is not null)
        {
            return "Write 'filler = a | b', 'negator = a | b' or 'barrier = a | b' (no name before '=').";
        }

        var alternatives = PatternParser.Parse(body, out var error);
        if (alternatives is null)
        {
            return error;
        }

        foreach (var alternative in alternatives)
        {
            if (alternative.Count != 1 || alternative[0] is not { Kind: PatternElementKind.Word or PatternElementKind.Prefix, Optional: false } word)
            {
                return "Each entry must be a single word or prefix (word*).";
            }

            target.Add((word, origin));
        }

        return null;
    }

    private static string? ParseSet(string? name, string body, SourceLine origin, LanguageSource language)
    {
        if (name is null || name.Length < 2 || name[0] != '@' || PatternParser.Parse(name, out _) is not [[{ Kind: PatternElementKind.Set, Optional: false }]])
        {
            return "'set' needs a name like @want (lower-case letters, digits, '_' or '-').";
        }

        var pattern = PatternParser.Parse(body, out var error);
        if (pattern is null)
        {
            return error;
        }

        if (language.Sets.TryGetValue(name[1..], out var existing))
        {
            return $"Set '{name}' is already defined at {existing.Origin.File}:{existing.Origin.Line}.";
        }

        language.Sets.Add(name[1..], (pattern, origin));
        return null;
    }

    private static string? ParseRule(SafetyRuleKind kind, string? id, string body, SourceLine origin, LanguageSource language)
    {
        if (id is null || !IsRuleId(id))
        {
            return "A rule needs an id of lower-case letters, digits, '.', '-' or '_' (crisis ideation.active = ...).";
        }

        var pattern = PatternParser.Parse(body, out var error);
        if (pattern is null)
        {
            return error;
        }

        language.Rules.Add(new RuleSource(kind, id, pattern, origin));
        return null;
    }

    private static bool IsRuleId(string id) =>
        char.IsAsciiLetterLower(id[0]) && id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '.' or '-' or '_');
}
