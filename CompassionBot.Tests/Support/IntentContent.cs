using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Dialogs.Intents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Support;

/// <summary>The real intent recognizer (examples, committed head, phrase lists) over the real encoder, as copied to the test output.</summary>
internal static class IntentContent
{
    private static readonly Lazy<IntentRecognizer> Loaded = new(() => Recognizer(SafetyContent.Encoder));
    private static readonly Lazy<PracticeCatalog> Practices = new(() => PracticeCatalog.Load(SafetyContent.ContentRoot));

    /// <summary>The recognizer over the real encoder, loaded once.</summary>
    public static IntentRecognizer Shared => Loaded.Value;

    /// <summary>A recognizer over <paramref name="encoder"/>, logging to <paramref name="logger"/>.</summary>
    public static IntentRecognizer Recognizer(ISentenceEncoder encoder, ILogger<IntentRecognizer>? logger = null) => IntentRecognizer.Load(
        SafetyContent.ContentRoot,
        PracticeIds,
        encoder,
        InterruptionRecognizer.Load(SafetyContent.ContentRoot),
        EngagementDetector.Load(SafetyContent.ContentRoot),
        logger ?? NullLogger<IntentRecognizer>.Instance);

    /// <summary>Every practice's id.</summary>
    public static IReadOnlyList<string> PracticeIds => [.. Practices.Value.All(SupportedLocales.English).Select(p => p.Id)];

    /// <summary>The whole practice menu of <paramref name="locale"/>, as the service numbers it.</summary>
    public static IReadOnlyList<Practice> Menu(string locale) => PracticeMenu.Order(Practices.Value.All(locale));

    /// <summary>The whole menu of <paramref name="locale"/> as offered choices (title, and the id as a synonym).</summary>
    public static OfferedChoices Offered(string locale) => new([.. Menu(locale).Select(p => new Choice(p.Title, [p.Id]))]);
}
