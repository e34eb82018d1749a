namespace CompassionBot.Tests.Dialogs.Engine;

/// <summary>A typed waterfall state for engine tests.</summary>
public sealed record TestWaterfallState(int? Rating, string? Choice, int StepsRun);
