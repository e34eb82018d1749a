using System.Globalization;
using CompassionBot.Clinicians.Clients;

namespace CompassionBot.Clinicians.Console;

/// <summary>
/// The geometry of the distress chart (server-rendered SVG, <see cref="Width"/> × <see cref="Height"/>): one point per
/// rated session, placed by its start time, with its before and after ratings (0–10, 10 at the top) and a line through
/// each series.
/// </summary>
internal sealed record DistressChart(IReadOnlyList<DistressChartPoint> Points, string BeforeLine, string AfterLine)
{
    public const int Width = 640;
    public const int Height = 240;
    public const int Left = 44;
    public const int Right = 16;
    public const int Top = 12;
    public const int Bottom = 36;

    /// <summary>The ratings drawn as grid lines.</summary>
    public static readonly int[] GridRatings = [0, 5, 10];

    /// <summary>The sessions with a before or after rating, oldest first.</summary>
    public static DistressChart From(IReadOnlyList<PracticeSessionEntry> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var rated = sessions.Where(s => s.DistressBefore is not null || s.DistressAfter is not null).OrderBy(s => s.StartedAt).ToList();
        if (rated.Count == 0)
        {
            return new DistressChart([], string.Empty, string.Empty);
        }

        var first = rated[0].StartedAt;
        var span = (rated[^1].StartedAt - first).TotalSeconds;
        var points = rated.Select(s => new DistressChartPoint(
            s,
            span <= 0 ? Left + (PlotWidth / 2.0) : Left + (PlotWidth * (s.StartedAt - first).TotalSeconds / span),
            s.DistressBefore is { } before ? Y(before) : null,
            s.DistressAfter is { } after ? Y(after) : null)).ToList();
        return new DistressChart(
            points,
            Line(points.Where(p => p.BeforeY is not null).Select(p => (p.X, p.BeforeY!.Value))),
            Line(points.Where(p => p.AfterY is not null).Select(p => (p.X, p.AfterY!.Value))));
    }

    private static double PlotWidth => Width - Left - Right;

    /// <summary>The vertical position of <paramref name="rating"/>.</summary>
    public static double Y(int rating) => Top + ((10 - rating) * (Height - Top - Bottom) / 10.0);

    /// <summary>A coordinate as SVG writes it.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Line(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));
}
