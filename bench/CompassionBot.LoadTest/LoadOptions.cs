using System.Globalization;

namespace CompassionBot.LoadTest;

/// <summary>
/// Command-line settings: <c>--mode both|expectReplies|normal --concurrency 32 --warmup 30 --duration 20
/// --service path/CompassionBot.dll --instances 2 --postgres "Host=...;Database=..."</c>. Without <c>--postgres</c>
/// each run uses one instance on a fresh SQLite file; with it, <c>--instances</c> services share that database.
/// The default warm-up is 30 s because on a saturated 2-core machine the JIT needs 20–30 s to bring the hot code to
/// its final (dynamic-PGO optimised) tier; a shorter warm-up partly measures the JIT (see BENCHMARKS.md).
/// <c>--compare "a=build-a/CompassionBot.dll;b=build-b/CompassionBot.dll|KEY=value,KEY=value" --slices 6 --slice 6</c>
/// runs an <c>InterleavedComparison</c> instead (the first mode only). <c>--timeline 5</c> adds a
/// <c>RunTimeline</c> of 5-second windows to a plain run. <c>--unique-text true</c> makes the script's free-text turn
/// unique per conversation, so no cache of screening verdicts by text can hide their cost.
/// </summary>
internal sealed record LoadOptions(IReadOnlyList<string> Modes, int Concurrency, TimeSpan Warmup, TimeSpan Duration, string? Service, int Instances, string? Postgres)
{
    /// <summary>The variants to compare, or null for a plain run.</summary>
    public IReadOnlyList<ComparedVariant>? Compare { get; init; }

    /// <summary>How many slices each compared variant is measured in.</summary>
    public int Slices { get; init; } = 6;

    /// <summary>The measured length of one slice.</summary>
    public TimeSpan Slice { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Whether the free-text turn differs in every conversation.</summary>
    public bool UniqueText { get; init; }

    /// <summary>The window of a plain run's timeline, or null for none.</summary>
    public TimeSpan? Timeline { get; init; }

    public const string ExpectReplies = "expectReplies";
    public const string Normal = "normal";

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var mode = values.GetValueOrDefault("mode", "both");
        return new LoadOptions(
            string.Equals(mode, "both", StringComparison.OrdinalIgnoreCase) ? [ExpectReplies, Normal] : [mode],
            int.Parse(values.GetValueOrDefault("concurrency", "32"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("warmup", "30"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture)),
            values.GetValueOrDefault("service"),
            int.Parse(values.GetValueOrDefault("instances", "1"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("postgres"))
        {
            Compare = values.TryGetValue("compare", out var compare) ? ComparedVariant.ParseList(compare) : null,
            Slices = int.Parse(values.GetValueOrDefault("slices", "6"), CultureInfo.InvariantCulture),
            Slice = TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("slice", "6"), CultureInfo.InvariantCulture)),
            Timeline = values.TryGetValue("timeline", out var timeline) ? TimeSpan.FromSeconds(double.Parse(timeline, CultureInfo.InvariantCulture)) : null,
            UniqueText = values.TryGetValue("unique-text", out var unique) && bool.Parse(unique),
        };
    }
}
