using System.Collections.Concurrent;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Intents;

/// <summary>
/// What a message means (<see cref="Intent"/>), in English and Spanish, in two layers. The precise layer first, in this
/// order: question marks alone (help); an offered option picked by name, number or position, or a practice by what
/// people call it (<see cref="ChoiceFinder"/>);
/// the interruption words (help, menu, stop, pause; a language switch is no intent); the decline words; a whole yes or
/// no (<see cref="ConfirmRecognizer"/>); a short remark that the practice is not helping, or a minimal reply ("idk": no
/// intent) (<see cref="EngagementDetector"/>); emoji alone (<see cref="EmojiIntents"/>). Then the semantic layer: the
/// intent head, trained on labelled examples, over the message's sentence embedding (the one the crisis screen computes
/// for the turn: <see cref="MessageUnderstanding"/>) and its words (<see cref="IntentHead"/>), which abstains when unsure
/// and never picks an option; its answers are kept by text. Thread-safe.
/// </summary>
public sealed partial class IntentRecognizer
{
    // The semantic layer's answers by canonical text, so a message seen before costs no sentence embedding (the crisis
    // screen keeps its verdicts the same way). Bounded: emptied when full.
    private const int ModelCacheSize = 4096;

    private readonly ConcurrentDictionary<string, IntentRecognition> _modelResults = new(StringComparer.Ordinal);
    private readonly InterruptionRecognizer _interruptions;
    private readonly EngagementDetector _engagement;
    private readonly ChoosingWords _choosing;
    private readonly ChoiceFinder _choices;
    private readonly EmojiIntents _emoji;
    private readonly IntentHead _head;
    private readonly ILogger<IntentRecognizer> _logger;

    /// <summary>Creates the recognizer from its loaded parts.</summary>
    public IntentRecognizer(
        InterruptionRecognizer interruptions,
        EngagementDetector engagement,
        ChoosingWords choosing,
        PracticeNames practiceNames,
        EmojiIntents emoji,
        IntentHead head,
        ILogger<IntentRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(interruptions);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(choosing);
        ArgumentNullException.ThrowIfNull(emoji);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(logger);
        _interruptions = interruptions;
        _engagement = engagement;
        _choosing = choosing;
        _choices = new ChoiceFinder(choosing, practiceNames);
        _emoji = emoji;
        _head = head;
        _logger = logger;
    }

    /// <summary>Loads the intent content below <paramref name="contentRoot"/> (the choosing words, the names of
    /// <paramref name="practiceIds"/>, the emoji, the examples and the head trained on them, checked against
    /// <paramref name="encoder"/>).</summary>
    /// <exception cref="Content.ContentValidationException">A file is invalid, or the head is stale or from another encoder.</exception>
    public static IntentRecognizer Load(
        string contentRoot,
        IReadOnlyCollection<string> practiceIds,
        ISentenceEncoder encoder,
        InterruptionRecognizer interruptions,
        EngagementDetector engagement,
        ILogger<IntentRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var head = IntentHead.Load(contentRoot, IntentExamples.Load(contentRoot), encoder.Fingerprint, encoder.Dimensions);
        var names = PracticeNames.Load(contentRoot, practiceIds);
        return new IntentRecognizer(interruptions, engagement, ChoosingWords.Load(contentRoot), names, EmojiIntents.Load(contentRoot), head, logger);
    }

    /// <summary>The intent of <paramref name="message"/> when no options are on offer.</summary>
    public ValueTask<IntentRecognition> RecognizeAsync(MessageUnderstanding message, CancellationToken cancellationToken) =>
        RecognizeAsync(message, null, cancellationToken);

    /// <summary>The intent of <paramref name="message"/>; with <paramref name="offered"/> options, possibly
    /// <see cref="Intent.Choose"/>. Computes the message's embedding only when the precise layer has no answer (and at
    /// most once per message). When the encoder fails the failure is logged and the result is <see cref="IntentRecognition.Nothing"/>.</summary>
    public async ValueTask<IntentRecognition> RecognizeAsync(MessageUnderstanding message, OfferedChoices? offered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (RecognizePrecisely(message.Canonical, offered) is { } precise)
        {
            return precise;
        }

        if (InputText.Fold(message.Canonical).Length == 0)
        {
            return IntentRecognition.Nothing;
        }

        if (_modelResults.TryGetValue(message.Canonical, out var known))
        {
            return known;
        }

        float[] embedding;
        try
        {
            embedding = await message.GetEmbeddingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SentenceEncoderException exception)
        {
            LogEncoderFailed(_logger, exception);
            return IntentRecognition.Nothing;
        }

        var recognition = _head.Recognize(embedding, message.Canonical);
        if (_modelResults.Count >= ModelCacheSize)
        {
            _modelResults.Clear();
        }

        _modelResults[message.Canonical] = recognition;
        return recognition;
    }

    private IntentRecognition? RecognizePrecisely(string canonical, OfferedChoices? offered)
    {
        if (canonical.Trim() is { Length: > 0 } trimmed && trimmed.All(c => c is '?' or '¿' or ' '))
        {
            return IntentRecognition.Precise(Intent.Help, IntentSource.Phrase);
        }

        if (offered is not null && _choices.Find(canonical, offered) is { } choice)
        {
            return new IntentRecognition(Intent.Choose, IntentSource.Choice, 1f, choice);
        }

        if (FromPhrases(canonical) is { } phrase)
        {
            return IntentRecognition.Precise(phrase, IntentSource.Phrase);
        }

        return _emoji.Recognize(canonical) is { } emoji ? IntentRecognition.Precise(emoji, IntentSource.Emoji) : null;
    }

    private Intent? FromPhrases(string canonical)
    {
        switch (_interruptions.Recognize(canonical))
        {
            case Interruption.Help:
                return Intent.Help;
            case Interruption.Menu:
                return Intent.Menu;
            case Interruption.Stop:
                return Intent.Stop;
            case Interruption.Pause:
                return Intent.Pause;
            case Interruption.English or Interruption.Spanish:
                return Intent.None;
        }

        if (_choosing.IsDecline(canonical))
        {
            return Intent.Decline;
        }

        if (ConfirmRecognizer.IsWholeAnswer(canonical))
        {
            return ConfirmRecognizer.Recognize(canonical) == true ? Intent.Yes : Intent.No;
        }

        return _engagement.Detect(canonical, invitesMore: false) switch
        {
            EngagementSignal.ExplicitNonResonance when InputText.Words(canonical).Length <= EngagementDetector.ShortRemarkWords => Intent.NotHelping,
            EngagementSignal.MinimalReply => Intent.None,
            _ => null,
        };
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "The sentence encoder failed; this message's intent was read by the precise layer alone")]
    private static partial void LogEncoderFailed(ILogger logger, Exception exception);
}
