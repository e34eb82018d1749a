using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Support;

/// <summary>The real crisis rules, crisis head and sentence encoder, as copied to the test output folder, loaded once.</summary>
internal static class SafetyContent
{
    private static readonly MiniLmSentenceEncoder SharedEncoder = new();
    private static readonly Lazy<LexiconCrisisDetector> Loaded = new(() => LexiconCrisisDetector.Load(ContentRoot));
    private static readonly Lazy<CrisisHead> LoadedHead = new(() => CrisisHead.Load(ContentRoot, SharedEncoder.Fingerprint, SharedEncoder.Dimensions));
    private static readonly Lazy<RoutineReplies> LoadedRoutine = new(() => RoutineReplies.Load(ContentRoot));

    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "Content");

    public static LexiconCrisisDetector Detector => Loaded.Value;

    public static ISentenceEncoder Encoder => SharedEncoder;

    public static CrisisHead Head => LoadedHead.Value;

    public static RoutineReplies Routine => LoadedRoutine.Value;

    /// <summary>The service's screen: rules, the semantic layer (no cache), no signals.</summary>
    public static CrisisScreen Screen(ScreeningHealth? health = null) =>
        new(Detector, new SemanticCrisisLayer(Head, cacheSize: 0), [], Routine, health ?? new ScreeningHealth(), NullLogger<CrisisScreen>.Instance);
}
