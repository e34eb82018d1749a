using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// The one safety policy: what a screened message gets, given what the conversation remembers. Pure: the gate (and the
/// paths without conversation state, through <see cref="DecideWithoutState"/>) carry the decision out.
/// <list type="bullet">
/// <item>Crisis: the referral (the urgent line first after an overdose or in danger) and crisis mode; in crisis mode,
/// the referral again.</item>
/// <item>In crisis mode, anything else: "I didn't mean it" right after the referral ends it and the practice resumes; "I've
/// reached help" ends it; "I'm safe" ends it unless the person had taken an overdose (then only reaching help does); a
/// "yes" to "are you safe right now?" ends it, a "no" is a crisis; otherwise the line again and the question. A clinician
/// may end it (<see cref="CrisisMode.ClosedByClinician"/>): the next message is then screened as if it had not begun.</item>
/// <item>Concern: one screening question, direct from the second in a row; its "yes" or an unclear answer is a crisis, its
/// "no" gets a kind acknowledgement.</item>
/// </list>
/// </summary>
public sealed class SafetyPolicy
{
    /// <summary>Rule id added when the person answered the screening question "yes".</summary>
    public const string ScreeningYes = "screening.yes";

    /// <summary>Rule id added when the answer to the screening question was not a clear "no".</summary>
    public const string ScreeningUnclear = "screening.unclear";

    /// <summary>Rule id added when the person answered "are you safe right now?" with "no".</summary>
    public const string NotSafe = "crisis-mode.not-safe";

    private readonly SafetyStatements _statements;

    /// <summary>Creates the policy.</summary>
    public SafetyPolicy(SafetyStatements statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _statements = statements;
    }

    /// <summary>The decision for a message (or an edit of one) with the screen's verdict <paramref name="assessment"/>.</summary>
    public SafetyDecision Decide(SafetyAssessment assessment, SafetyConversationState state, string text, bool isEdit)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Crisis is { ClosedByClinician: true })
        {
            state = state with { Crisis = null };
        }

        if (assessment.Level == RiskLevel.Crisis)
        {
            return Refer(assessment, state);
        }

        if (state.Crisis is { } crisis)
        {
            return isEdit ? new SafetyDecision(SafetyAction.Ignore, assessment, state) : InCrisisMode(assessment, state, crisis, text);
        }

        if (state.AwaitingScreeningAnswer && !isEdit)
        {
            return ConfirmRecognizer.Recognize(text) == false
                ? new SafetyDecision(SafetyAction.AcknowledgeScreeningNo, assessment, state with
                {
                    AwaitingScreeningAnswer = false,
                    // The answer turn does not break the streak: "no" followed by another concern gets the direct question.
                    Streak = assessment.Level == RiskLevel.Concern ? state.Streak.Observe(RiskLevel.Concern) : state.Streak,
                })
                : Refer(Raised(assessment, ConfirmRecognizer.Recognize(text) is null ? ScreeningUnclear : ScreeningYes), state);
        }

        if (assessment.Level == RiskLevel.Concern)
        {
            return new SafetyDecision(SafetyAction.AskScreeningQuestion, assessment, state with { AwaitingScreeningAnswer = true, Streak = state.Streak.Observe(RiskLevel.Concern) });
        }

        return new SafetyDecision(isEdit ? SafetyAction.Ignore : SafetyAction.Continue, assessment, isEdit ? state : state with { Streak = ConcernStreak.Empty });
    }

    /// <summary>The decision where no conversation state is kept (an unserved tenant, a failed turn, SMS from a number that
    /// is not enrolled): concern or crisis gets the referral; nothing else gets a safety response.</summary>
    public static SafetyDecision DecideWithoutState(SafetyAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Level >= RiskLevel.Concern
            ? new SafetyDecision(SafetyAction.Refer, assessment, SafetyConversationState.Clear, SafetyTexts.UrgencyOf(assessment))
            : new SafetyDecision(SafetyAction.Continue, assessment, SafetyConversationState.Clear);
    }

    private static SafetyDecision Refer(SafetyAssessment assessment, SafetyConversationState state)
    {
        var urgency = SafetyTexts.UrgencyOf(assessment);
        if (state.Crisis is { } crisis)
        {
            urgency = (CrisisUrgency)Math.Max((int)urgency, (int)crisis.Urgency);
            return new SafetyDecision(SafetyAction.ReferAgain, assessment, new SafetyConversationState(false, ConcernStreak.Empty, crisis with { Urgency = urgency, JustReferred = true, AwaitingSafeAnswer = false }), urgency);
        }

        // The event id is the gate's to fill in once the event is recorded.
        return new SafetyDecision(SafetyAction.Refer, assessment, new SafetyConversationState(false, ConcernStreak.Empty, new CrisisMode(string.Empty, urgency, JustReferred: true, AwaitingSafeAnswer: false)), urgency);
    }

    private SafetyDecision InCrisisMode(SafetyAssessment assessment, SafetyConversationState state, CrisisMode crisis, string text)
    {
        var statement = _statements.Recognize(text);
        var safeAnswer = crisis.AwaitingSafeAnswer ? ConfirmRecognizer.Recognize(text) : null;
        var ended = state with { Crisis = null, AwaitingScreeningAnswer = false, Streak = ConcernStreak.Empty };
        if (statement == SafetyStatement.FalseAlarm && crisis.JustReferred)
        {
            return new SafetyDecision(SafetyAction.AcknowledgeFalseAlarm, assessment, ended, crisis.Urgency, CrisisOutcome.PersonSaidFalseAlarm);
        }

        if (statement == SafetyStatement.ReachedHelp)
        {
            return new SafetyDecision(SafetyAction.AcknowledgeSafe, assessment, ended, crisis.Urgency, CrisisOutcome.PersonReachedHelp);
        }

        // After an overdose only help counts: feeling fine is not being safe (some medicines harm hours later).
        var saysSafe = statement == SafetyStatement.Safe || safeAnswer == true;
        if (saysSafe && crisis.Urgency != CrisisUrgency.Overdose)
        {
            return new SafetyDecision(SafetyAction.AcknowledgeSafe, assessment, ended, crisis.Urgency, CrisisOutcome.PersonSaidSafe);
        }

        if (safeAnswer == false)
        {
            return Refer(Raised(assessment, NotSafe), state);
        }

        var waiting = state with { Crisis = crisis with { JustReferred = false, AwaitingSafeAnswer = crisis.Urgency == CrisisUrgency.Standard } };
        return new SafetyDecision(SafetyAction.RemindInCrisisMode, assessment, waiting, crisis.Urgency);
    }

    private static SafetyAssessment Raised(SafetyAssessment assessment, string rule) =>
        assessment with { Level = RiskLevel.Crisis, Rules = [.. assessment.Rules, rule], Source = ScreeningSource.Screening };
}
