namespace CompassionBot.Dialogs.Understanding;

/// <summary>
/// Splits a message into its sentences (at <c>. ! ? ;</c>, an ellipsis and line breaks), each in canonical form.
/// Parts without a letter are dropped; a message of one sentence gives one part.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/> (as written), canonicalised.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsBoundary(text[i]))
            {
                continue;
            }

            var part = TextCanonicaliser.Canonicalise(text[start..i]).Trim();
            if (part.Any(char.IsLetter))
            {
                parts.Add(part);
            }

            start = i + 1;
        }

        return parts;
    }

    private static bool IsBoundary(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\r' or '\u2026' or '\u2028' or '\u2029';
}
