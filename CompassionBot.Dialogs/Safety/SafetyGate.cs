using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The safety gate: screens every message first (<see cref="ICrisisScreen"/>: the rules, the semantic layer and any
/// optional signal), asks the <see cref="SafetyPolicy"/> what it gets, and carries that out in the same turn: the referral
/// (the dialog stack set aside, crisis mode begun), the screening question, or, in crisis mode, the line again until the
/// person says they are safe; a false alarm right after a referral puts the practice back where it was. Crisis mode also
/// ends when a clinician has closed its event (<see cref="CrisisOutcome.ClinicianClosed"/> in <see cref="ICrisisEventStore"/>).
/// </summary>
public sealed partial class SafetyGate : ISafetyGate
{
    private static readonly StatePropertyAccessor<SafetyConversationState> StateAccessor =
        new(StateScope.Conversation, "Safety", SafetyJsonContext.Default.SafetyConversationState);

    // The dialog stack as it was when a referral interrupted it, kept while crisis mode lasts.
    private static readonly StatePropertyAccessor<DialogState> SuspendedDialogs =
        new(StateScope.Conversation, "SuspendedDialogs", BotStateJsonContext.Default.DialogState);

    private readonly ICrisisScreen _screen;
    private readonly SafetyPolicy _policy;
    private readonly ISentenceEncoder _encoder;
    private readonly ICrisisResponder _responder;
    private readonly ICrisisEventStore _events;
    private readonly ClinicOptions _clinic;
    private readonly ILogger<SafetyGate> _logger;

    /// <summary>Creates the gate.</summary>
    public SafetyGate(
        ICrisisScreen screen, SafetyPolicy policy, ISentenceEncoder encoder, ICrisisResponder responder, ICrisisEventStore events, ClinicOptions clinic, ILogger<SafetyGate> logger)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(logger);
        _screen = screen;
        _policy = policy;
        _encoder = encoder;
        _responder = responder;
        _events = events;
        _clinic = clinic;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<bool> ScreenAsync(BotTurn turn, CancellationToken cancellationToken) => GateAsync(turn, isEdit: false, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ScreenEditAsync(BotTurn turn, CancellationToken cancellationToken) => GateAsync(turn, isEdit: true, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Message ?? new MessageUnderstanding(turn.Context.Activity.Text ?? string.Empty, _encoder);
        return RespondAsync(turn, message, assessment, string.Equals(turn.Context.Activity.Type, Schema.ActivityTypes.MessageUpdate, StringComparison.Ordinal), cancellationToken);
    }

    private async Task<bool> GateAsync(BotTurn turn, bool isEdit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Message ?? new MessageUnderstanding(turn.Context.Activity.Text ?? string.Empty, _encoder);
        var assessment = await _screen.ScreenAsync(message, turn.Context.Activity.Locale ?? turn.Locale, cancellationToken).ConfigureAwait(false);
        return await RespondAsync(turn, message, assessment, isEdit, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> RespondAsync(BotTurn turn, MessageUnderstanding message, SafetyAssessment assessment, bool isEdit, CancellationToken cancellationToken)
    {
        var context = turn.Context;
        var state = await WithClinicianCloseAsync(context, StateAccessor.Get(context, () => SafetyConversationState.Clear), cancellationToken).ConfigureAwait(false);
        var decision = _policy.Decide(assessment, state, message.Canonical, isEdit);
        context.Safety = decision.Assessment;
        LogAssessment(_logger, context.Activity.ChannelId, context.Activity.Conversation?.Id, decision.Assessment.Level, decision.Assessment.Rules.Count, decision.Action);
        var acting = state;
        if (state.Crisis is { ClosedByClinician: true })
        {
            // The practice a crisis interrupted ends as abandoned, as when the person says they are safe; the closed
            // event is not carried into a new crisis mode.
            await EndSetAsideDialogsAsync(turn, cancellationToken).ConfigureAwait(false);
            acting = state with { Crisis = null };
        }

        var next = await ActAsync(turn, decision, acting, cancellationToken).ConfigureAwait(false);
        if (next != state)
        {
            StateAccessor.Set(context, next);
        }

        return decision.HandlesTurn;
    }

    private async Task<SafetyConversationState> ActAsync(BotTurn turn, SafetyDecision decision, SafetyConversationState state, CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case SafetyAction.Refer:
            case SafetyAction.ReferAgain:
                var again = decision.Action == SafetyAction.ReferAgain;
                if (!again)
                {
                    SetDialogsAside(turn);
                }

                var eventId = await _responder.ReferAsync(turn, decision.Assessment, decision.Urgency, again, cancellationToken).ConfigureAwait(false);
                return decision.Next with { Crisis = decision.Next.Crisis! with { EventId = eventId ?? state.Crisis?.EventId ?? string.Empty } };
            case SafetyAction.AskScreeningQuestion:
                await turn.SayAsync(decision.Next.Streak.Check == SafetyCheck.Direct ? "screening.ask.direct" : "screening.ask", cancellationToken).ConfigureAwait(false);
                return decision.Next;
            case SafetyAction.AcknowledgeScreeningNo:
                await turn.SayAsync("screening.no", cancellationToken).ConfigureAwait(false);
                await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return decision.Next;
            case SafetyAction.RemindInCrisisMode:
                var region = CrisisRegion.Resolve(turn.Context.Activity, _clinic.Region, turn.Messages);
                var reminder = SafetyTexts.CrisisModeReminder(turn.Messages, turn.Locale, region, decision.Urgency);
                await turn.Context.SayTextAsync(PhoneLinks.For(turn.Context, reminder), cancellationToken).ConfigureAwait(false);
                return decision.Next;
            case SafetyAction.AcknowledgeSafe:
                await _responder.RecordOutcomeAsync(turn, state.Crisis!.EventId, decision.Outcome!.Value, cancellationToken).ConfigureAwait(false);
                await turn.SayAsync("crisis.safe.ack", cancellationToken).ConfigureAwait(false);
                await EndSetAsideDialogsAsync(turn, cancellationToken).ConfigureAwait(false);
                return decision.Next;
            case SafetyAction.AcknowledgeFalseAlarm:
                await _responder.RecordOutcomeAsync(turn, state.Crisis!.EventId, decision.Outcome!.Value, cancellationToken).ConfigureAwait(false);
                await turn.SayAsync("crisis.falsealarm.ack", cancellationToken).ConfigureAwait(false);
                await ResumeSetAsideDialogsAsync(turn, cancellationToken).ConfigureAwait(false);
                return decision.Next;
            default:
                return decision.Next;
        }
    }

    // Whether a clinician has closed the event crisis mode is about, for the policy to read. Read only in crisis mode.
    private async Task<SafetyConversationState> WithClinicianCloseAsync(ITurnContext context, SafetyConversationState state, CancellationToken cancellationToken)
    {
        if (state.Crisis is not { EventId.Length: > 0 } crisis)
        {
            return state;
        }

        var activity = context.Activity;
        try
        {
            var events = await _events.ListAsync(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, cancellationToken).ConfigureAwait(false);
            if (!events.Any(e => e.Id == crisis.EventId && e.Outcome == CrisisOutcome.ClinicianClosed))
            {
                return state;
            }

            LogClosedByClinician(_logger, crisis.EventId, activity.ChannelId, activity.Conversation?.Id);
            return state with { Crisis = crisis with { ClosedByClinician = true } };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Unreadable: crisis mode goes on, the safer side.
            LogCloseCheckFailed(_logger, crisis.EventId, exception);
            return state;
        }
    }

    // The stack moves aside untouched (no dialog is ended, so nothing is saved as abandoned yet): a false alarm puts it back.
    private static void SetDialogsAside(BotTurn turn)
    {
        var stack = turn.Dialogs.State.DialogStack;
        if (stack.Count == 0)
        {
            return;
        }

        SuspendedDialogs.Set(turn.Context, new DialogState { DialogStack = [.. stack] });
        stack.Clear();
    }

    private static async Task ResumeSetAsideDialogsAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (!RestoreSetAsideDialogs(turn))
        {
            return;
        }

        await turn.Dialogs.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    // A practice interrupted by a crisis that was real ends as abandoned once the person is safe.
    private static async Task EndSetAsideDialogsAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        if (RestoreSetAsideDialogs(turn))
        {
            await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool RestoreSetAsideDialogs(BotTurn turn)
    {
        var aside = SuspendedDialogs.Get(turn.Context, () => new DialogState());
        if (aside.DialogStack.Count == 0)
        {
            return false;
        }

        turn.Dialogs.State.DialogStack.Clear();
        turn.Dialogs.State.DialogStack.AddRange(aside.DialogStack);
        SuspendedDialogs.Set(turn.Context, new DialogState());
        return true;
    }

    [LoggerMessage(EventId = 2018, Level = LogLevel.Information, Message = "Safety gate on {ChannelId} conversation {ConversationId}: {Level} ({RuleCount} rules), {Action}")]
    private static partial void LogAssessment(ILogger logger, LogId channelId, ConversationLogId conversationId, RiskLevel level, int ruleCount, SafetyAction action);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Crisis event {EventId} was closed by a clinician; crisis mode ends on {ChannelId} conversation {ConversationId}")]
    private static partial void LogClosedByClinician(ILogger logger, LogId eventId, LogId channelId, ConversationLogId conversationId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Error, Message = "Crisis event {EventId} could not be read to see whether a clinician closed it; crisis mode goes on")]
    private static partial void LogCloseCheckFailed(ILogger logger, LogId eventId, Exception exception);
}
