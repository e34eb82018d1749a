using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Tests.Support;

/// <summary>The real crisis rules, as copied to the test output folder, loaded once.</summary>
internal static class SafetyContent
{
    private static readonly Lazy<LexiconCrisisDetector> Loaded = new(() => LexiconCrisisDetector.Load(ContentRoot));

    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "Content");

    public static LexiconCrisisDetector Detector => Loaded.Value;
}
