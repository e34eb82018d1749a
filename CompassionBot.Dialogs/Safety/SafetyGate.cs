using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.State;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The safety gate: classifies every message first; on crisis ends every dialog and refers in the same turn; on
/// concern asks one gentle screening question (a direct one after two concern turns in a row) whose "yes" or unclear
/// answer leads to the crisis response; after a crisis, the next message is first met with "how are you now?".
/// </summary>
public sealed partial class SafetyGate : ISafetyGate
{
    private static readonly StatePropertyAccessor<SafetyConversationState> StateAccessor =
        new(StateScope.Conversation, "Safety", SafetyJsonContext.Default.SafetyConversationState);

    private readonly ICrisisDetector _detector;
    private readonly ICrisisResponder _responder;
    private readonly ILogger<SafetyGate> _logger;

    /// <summary>Creates the gate.</summary>
    public SafetyGate(ICrisisDetector detector, ICrisisResponder responder, ILogger<SafetyGate> logger)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(logger);
        _detector = detector;
        _responder = responder;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var context = turn.Context;
        var assessment = _detector.Classify(context.Activity.Text ?? string.Empty, context.Activity.Locale ?? turn.Locale);
        var state = StateAccessor.Get(context, () => SafetyConversationState.Clear);
        if (state.AwaitingScreeningAnswer && assessment.Level < RiskLevel.Crisis)
        {
            var answer = ConfirmRecognizer.Recognize(context.Activity.Text);
            assessment = answer == false ? assessment : new SafetyAssessment(RiskLevel.Crisis, [.. assessment.Rules, answer is null ? "screening.unclear" : "screening.yes"]);
            if (answer == false)
            {
                context.Safety = SafetyAssessment.Safe;
                StateAccessor.Set(context, SafetyConversationState.Clear);
                await turn.SayAsync("screening.no", cancellationToken).ConfigureAwait(false);
                await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        context.Safety = assessment;
        LogAssessment(_logger, context.Activity.ChannelId, context.Activity.Conversation?.Id, assessment.Level, assessment.Rules.Count);
        switch (assessment.Level)
        {
            case RiskLevel.Crisis:
                await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await _responder.RespondAsync(turn, assessment, cancellationToken).ConfigureAwait(false);
                StateAccessor.Set(context, new SafetyConversationState(false, true, 0));
                return true;
            case RiskLevel.Concern:
                var streak = state.ConcernStreak + 1;
                StateAccessor.Set(context, new SafetyConversationState(true, state.FollowUpPending, streak));
                await turn.SayAsync(streak >= 2 ? "screening.ask.direct" : "screening.ask", cancellationToken).ConfigureAwait(false);
                return true;
            default:
                if (state.FollowUpPending)
                {
                    StateAccessor.Set(context, SafetyConversationState.Clear);
                    await turn.SayAsync("crisis.followup", cancellationToken).ConfigureAwait(false);
                    return true;
                }

                if (state != SafetyConversationState.Clear)
                {
                    StateAccessor.Set(context, SafetyConversationState.Clear);
                }

                return false;
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Safety gate on {ChannelId} conversation {ConversationId}: {Level} ({RuleCount} rules)")]
    private static partial void LogAssessment(ILogger logger, string? channelId, string? conversationId, RiskLevel level, int ruleCount);
}
