using CompassionBot.Dialogs.Safety.Model;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The crisis screen (see <see cref="ICrisisScreen"/>). Decision: rules crisis → crisis; otherwise, unless the message is a
/// routine reply, the semantic layer's crisis probability at or above its language's crisis threshold → crisis, and its
/// concern-or-crisis probability at or above the concern threshold → at least concern; then the optional signals may
/// raise. The rules' exclusions never silence the model: an excluded rule leaves the rules' level at none and the model
/// decides. Optional signals see only borderline messages (see <see cref="BorderlineRisk"/>). A layer that fails is
/// logged and counted and the layers below it stand for that message.
/// </summary>
public sealed partial class CrisisScreen : ICrisisScreen
{
    private readonly ICrisisDetector _rules;
    private readonly SemanticCrisisLayer? _model;
    private readonly IReadOnlyList<IRiskSignal> _signals;
    private readonly IRoutineReplies _routine;
    private readonly ScreeningHealth _health;
    private readonly ILogger<CrisisScreen> _logger;

    /// <summary>Creates the screen.</summary>
    /// <param name="rules">The crisis rules.</param>
    /// <param name="model">The semantic layer, or null when it is turned off.</param>
    /// <param name="signals">Optional signals that may only raise the level.</param>
    /// <param name="routine">Replies the model is not run on.</param>
    /// <param name="health">Where model failures are counted.</param>
    /// <param name="logger">The logger.</param>
    public CrisisScreen(ICrisisDetector rules, SemanticCrisisLayer? model, IEnumerable<IRiskSignal> signals, IRoutineReplies routine, ScreeningHealth health, ILogger<CrisisScreen> logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(routine);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(logger);
        _rules = rules;
        _model = model;
        _signals = [.. signals];
        _routine = routine;
        _health = health;
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask<SafetyAssessment> ScreenAsync(MessageUnderstanding message, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var rules = _rules.Classify(message.Canonical, locale);
        var verdict = rules.Level > RiskLevel.None ? rules with { Source = ScreeningSource.Rules } : rules;
        if (verdict.Level < RiskLevel.Crisis && _model is not null && !_routine.IsRoutine(message.Canonical))
        {
            verdict = await WithModelAsync(_model, message, locale, verdict, cancellationToken).ConfigureAwait(false);
        }

        foreach (var signal in _signals)
        {
            if (!IsBorderline(verdict))
            {
                break;
            }

            verdict = await WithSignalAsync(signal, message.Text, locale, verdict, cancellationToken).ConfigureAwait(false);
        }

        return verdict;
    }

    /// <summary>Rule id added when an optional signal raised the level.</summary>
    public const string RiskSignalRule = "signal.raised";

    /// <summary>The semantic layer's concern-or-crisis probability from which a message the layers below left at none is
    /// still shown to the optional signals.</summary>
    public const float BorderlineRisk = 0.5f;

    // Only a message left at none that something found borderline goes to a signal: a distress marker of the rules, or
    // the semantic layer's risk at half or more. Calm messages never leave the service.
    private static bool IsBorderline(SafetyAssessment verdict) =>
        verdict.Level == RiskLevel.None && (verdict.Rules.Count > 0 || verdict.Model is { AnyRisk: >= BorderlineRisk });

    private async ValueTask<SafetyAssessment> WithModelAsync(SemanticCrisisLayer model, MessageUnderstanding message, string? locale, SafetyAssessment verdict, CancellationToken cancellationToken)
    {
        ModelScores scores;
        try
        {
            scores = await model.ScoreAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _health.RecordFailure();
            LogModelFailed(_logger, exception.GetType().Name, _health.Failures, exception);
            return verdict;
        }

        _health.RecordSuccess();
        var thresholds = model.Head.ThresholdsFor(LanguageGuesser.Guess(message.Canonical, locale));
        var level = SemanticDecision.Decide(verdict.Level, scores, thresholds);
        return level > verdict.Level
            ? verdict with { Level = level, Model = scores, Source = ScreeningSource.Model }
            : verdict with { Model = scores };
    }

    private async ValueTask<SafetyAssessment> WithSignalAsync(IRiskSignal signal, string text, string? locale, SafetyAssessment verdict, CancellationToken cancellationToken)
    {
        try
        {
            var raised = await signal.RaiseAsync(text, locale, verdict, cancellationToken).ConfigureAwait(false);
            return raised > verdict.Level
                ? verdict with { Level = raised, Rules = [.. verdict.Rules, RiskSignalRule], Source = ScreeningSource.Signal }
                : verdict;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A signal may only raise; when it breaks its contract the verdict stands.
            LogSignalFailed(_logger, signal.GetType().Name, exception.GetType().Name, exception);
            return verdict;
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "The semantic layer failed with {ExceptionType} ({Failures} failures since start-up); the rules alone screened this message")]
    private static partial void LogModelFailed(ILogger logger, LogId exceptionType, long failures, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Risk signal {Signal} failed with {ExceptionType}; the verdict stands")]
    private static partial void LogSignalFailed(ILogger logger, LogId signal, LogId exceptionType, Exception exception);
}
