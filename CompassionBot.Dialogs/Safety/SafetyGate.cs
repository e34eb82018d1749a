using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The safety gate: classifies every message first (<see cref="ICrisisScreen"/>: the rules, the semantic layer and any
/// optional signal); on crisis ends every dialog and lets the <see cref="ICrisisResponder"/> refer in
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

    private readonly ICrisisScreen _screen;
    private readonly ISentenceEncoder _encoder;
    private readonly ICrisisResponder _responder;
    private readonly ILogger<SafetyGate> _logger;

    /// <summary>Creates the gate.</summary>
    public SafetyGate(ICrisisScreen screen, ISentenceEncoder encoder, ICrisisResponder responder, ILogger<SafetyGate> logger)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(logger);
        _screen = screen;
        _encoder = encoder;
        _responder = responder;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = turn.Context;
        var text = context.Activity.Text ?? string.Empty;
        var assessment = await AssessAsync(turn, cancellationToken).ConfigureAwait(false);
        var state = StateAccessor.Get(context, () => SafetyConversationState.Clear);
        if (state.AwaitingScreeningAnswer && assessment.Level < RiskLevel.Crisis)
        {
            var answer = ConfirmRecognizer.Recognize(text);
            if (answer == false)
            {
                return await AcknowledgeNoAsync(turn, assessment, state, cancellationToken).ConfigureAwait(false);
            }

            assessment = assessment with
            {
                Level = RiskLevel.Crisis,
                Rules = [.. assessment.Rules, answer is null ? "screening.unclear" : "screening.yes"],
                Source = ScreeningSource.Screening,
            };
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
        var assessment = await AssessAsync(turn, cancellationToken).ConfigureAwait(false);
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

    private ValueTask<SafetyAssessment> AssessAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message ?? new MessageUnderstanding(turn.Context.Activity.Text ?? string.Empty, _encoder);
        return _screen.ScreenAsync(message, turn.Context.Activity.Locale ?? turn.Locale, cancellationToken);
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

}
