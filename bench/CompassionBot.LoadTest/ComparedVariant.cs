namespace CompassionBot.LoadTest;

/// <summary>
/// One build (or one setting) in an <c>InterleavedComparison</c>: <c>label=path/CompassionBot.dll</c>, optionally
/// followed by <c>|KEY=value,KEY=value</c> environment variables for that service process only (runtime knobs such as
/// <c>DOTNET_GCgen0size</c>, or configuration such as <c>Storage__Provider=Memory</c>).
/// </summary>
internal sealed record ComparedVariant(string Label, string Service, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Parses <c>a=x.dll;b=y.dll|K=V</c>. After a variant's settings, a <c>;</c> starts a new variant only where a
    /// <c>label=….dll</c> follows, so a setting's value may hold one (a connection string: <c>b=y.dll|ConnectionStrings__Postgres=Host=h;Database=d</c>).
    /// </summary>
    public static IReadOnlyList<ComparedVariant> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        foreach (var piece in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var definition = piece.Split('|', 2)[0];
            if (pieces.Count > 0 && pieces[^1].Contains('|', StringComparison.Ordinal) && !definition.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                pieces[^1] += ";" + piece;
            }
            else
            {
                pieces.Add(piece);
            }
        }

        var variants = pieces.Select(Parse).ToList();
        return variants.Count >= 2 && variants.Select(v => v.Label).Distinct(StringComparer.Ordinal).Count() == variants.Count
            ? variants
            : throw new ArgumentException($"--compare needs two or more variants with distinct labels: '{text}'.");
    }

    private static ComparedVariant Parse(string text)
    {
        var (definition, settings) = text.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? (text[..bar], text[(bar + 1)..]) : (text, string.Empty);
        var equals = definition.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == definition.Length - 1)
        {
            throw new ArgumentException($"A compared variant is 'label=path/CompassionBot.dll[|KEY=value,...]', not '{text}'.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in settings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ArgumentException($"An environment setting is 'KEY=value', not '{setting}'.");
            }

            environment[setting[..at]] = setting[(at + 1)..];
        }

        return new ComparedVariant(definition[..equals], Path.GetFullPath(definition[(equals + 1)..]), environment);
    }
}
