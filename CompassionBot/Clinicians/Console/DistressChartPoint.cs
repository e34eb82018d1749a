using CompassionBot.Clinicians.Clients;

namespace CompassionBot.Clinicians.Console;

/// <summary>A rated session on the distress chart: where it is drawn, and its before and after marks (null when not rated).</summary>
internal sealed record DistressChartPoint(PracticeSessionEntry Session, double X, double? BeforeY, double? AfterY);
