namespace CompassionBot.Dialogs.Safety;

/// <summary>What the safety policy decides a screened message gets.</summary>
public enum SafetyAction
{
    /// <summary>No safety response: the turn goes on (interruptions, dialogs).</summary>
    Continue = 0,

    /// <summary>An edited message with nothing new: no reply at all.</summary>
    Ignore = 1,

    /// <summary>The crisis referral; the dialogs are suspended; crisis mode begins; the event is recorded and alerted.</summary>
    Refer = 2,

    /// <summary>In crisis mode, a new crisis message or "no, I'm not safe": the referral again, shorter; recorded and alerted.</summary>
    ReferAgain = 3,

    /// <summary>One screening question (gentle, or direct from the second concern in a row).</summary>
    AskScreeningQuestion = 4,

    /// <summary>"No" to the screening question: a kind acknowledgement and the conversation goes on.</summary>
    AcknowledgeScreeningNo = 5,

    /// <summary>Anything else in crisis mode: the line again and "are you safe right now?" (or the urgent line).</summary>
    RemindInCrisisMode = 6,

    /// <summary>The person is safe or has reached help: crisis mode ends.</summary>
    AcknowledgeSafe = 7,

    /// <summary>"I didn't mean it", right after the referral: crisis mode ends and the practice resumes where it was.</summary>
    AcknowledgeFalseAlarm = 8,
}
