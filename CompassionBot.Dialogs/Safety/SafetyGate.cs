using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The safety gate: classifies every message first (the embedded detector; a borderline message may be raised by the
/// optional <see cref="IRiskSignal"/>); on crisis ends every dialog and lets the <see cref="ICrisisResponder"/> refer in
/// the same turn; on concern asks one gentle screening question (a direct one from the second concern in a row, see
/// <see cref="ConcernStreak"/>) whose "yes" or unclear answer leads to the crisis response and whose "no" gets a kind
/// acknowledgement and the conversation continues; after a crisis, the next message is first met with "how are you now?".
/// </summary>
public sealed partial class SafetyGate : ISafetyGate
{
    /// <summary>Rule id added when the risk signal raised the level.</summary>
    public const string RiskSignalRule = "signal.raised";

    private static readonly StatePropertyAccessor<SafetyConversationState> StateAccessor =
        new(StateScope.Conversation, "Safety", SafetyJsonContext.Default.SafetyConversationState);

    private readonly ICrisisDetector _detector;
    private readonly IRiskSignal _signal;
    private readonly ICrisisResponder _responder;
    private readonly ILogger<SafetyGate> _logger;

    /// <summary>Creates the gate.</summary>
    public SafetyGate(ICrisisDetector detector, IRiskSignal signal, ICrisisResponder responder, ILogger<SafetyGate> logger)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(logger);
        _detector = detector;
        _signal = signal;
        _responder = responder;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = turn.Context;
        var text = context.Activity.Text ?? string.Empty;
        var assessment = await AssessAsync(text, context.Activity.Locale ?? turn.Locale, cancellationToken).ConfigureAwait(false);
        var state = StateAccessor.Get(context, () => SafetyConversationState.Clear);
        if (state.AwaitingScreeningAnswer && assessment.Level < RiskLevel.Crisis)
        {
            var answer = ConfirmRecognizer.Recognize(text);
            if (answer == false)
            {
                return await AcknowledgeNoAsync(turn, assessment, state, cancellationToken).ConfigureAwait(false);
            }

            assessment = new SafetyAssessment(RiskLevel.Crisis, [.. assessment.Rules, answer is null ? "screening.unclear" : "screening.yes"]);
        }

        Record(context, assessment);
        if (assessment.Level > RiskLevel.None)
        {
            await RespondToRiskAsync(turn, assessment, state, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (state != SafetyConversationState.Clear)
        {
            StateAccessor.Set(context, SafetyConversationState.Clear);
        }

        if (state.FollowUpPending)
        {
            await turn.SayAsync("crisis.followup", cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public async Task<bool> ScreenEditAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = turn.Context;
        var assessment = await AssessAsync(context.Activity.Text ?? string.Empty, context.Activity.Locale ?? turn.Locale, cancellationToken).ConfigureAwait(false);
        Record(context, assessment);
        if (assessment.Level == RiskLevel.None)
        {
            return false;
        }

        await RespondToRiskAsync(turn, assessment, StateAccessor.Get(context, () => SafetyConversationState.Clear), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void Record(ITurnContext context, SafetyAssessment assessment)
    {
        context.Safety = assessment;
        LogAssessment(_logger, context.Activity.ChannelId, context.Activity.Conversation?.Id, assessment.Level, assessment.Rules.Count);
    }

    // Crisis: every dialog ends and the responder refers. Concern: one screening question, direct from the second in a row.
    private async Task RespondToRiskAsync(BotTurn turn, SafetyAssessment assessment, SafetyConversationState state, CancellationToken cancellationToken)
    {
        if (assessment.Level == RiskLevel.Crisis)
        {
            await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            StateAccessor.Set(turn.Context, new SafetyConversationState(false, true, ConcernStreak.Empty));
            await _responder.RespondAsync(turn, assessment, cancellationToken).ConfigureAwait(false);
            return;
        }

        var streak = state.Streak.Observe(RiskLevel.Concern);
        StateAccessor.Set(turn.Context, new SafetyConversationState(true, state.FollowUpPending, streak));
        await turn.SayAsync(streak.Check == SafetyCheck.Direct ? "screening.ask.direct" : "screening.ask", cancellationToken).ConfigureAwait(false);
    }

    private async Task<SafetyAssessment> AssessAsync(string text, string? locale, CancellationToken cancellationToken)
    {
        var local = _detector.Classify(text, locale);
        // At None the only rules a detector reports are distress markers (see ICrisisDetector.Classify); a calm message
        // without any is never sent to the signal.
        if (local.Level != RiskLevel.None || local.Rules.Count == 0)
        {
            return local;
        }

        try
        {
            var raised = await _signal.RaiseAsync(text, locale, local, cancellationToken).ConfigureAwait(false);
            return raised > local.Level ? new SafetyAssessment(raised, [.. local.Rules, RiskSignalRule]) : local;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The signal may only raise; when it breaks its contract the local verdict stands.
            LogSignalFailed(_logger, exception.GetType().Name, exception);
            return local;
        }
    }

    private static async Task<bool> AcknowledgeNoAsync(BotTurn turn, SafetyAssessment assessment, SafetyConversationState state, CancellationToken cancellationToken)
    {
        turn.Context.Safety = assessment;

        // The answer turn does not break the streak: "no" followed by another concern gets the direct question.
        var streak = assessment.Level == RiskLevel.Concern ? state.Streak.Observe(RiskLevel.Concern) : state.Streak;
        StateAccessor.Set(turn.Context, state with { AwaitingScreeningAnswer = false, Streak = streak });
        await turn.SayAsync("screening.no", cancellationToken).ConfigureAwait(false);
        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Safety gate on {ChannelId} conversation {ConversationId}: {Level} ({RuleCount} rules)")]
    private static partial void LogAssessment(ILogger logger, string? channelId, ConversationLogId conversationId, RiskLevel level, int ruleCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Risk signal failed with {ExceptionType}; the local assessment stands")]
    private static partial void LogSignalFailed(ILogger logger, string exceptionType, Exception exception);
}
