namespace CompassionBot.Dialogs.Engagement;

/// <summary>A sign, in one reply, that a practice is not landing. Stored as a feature name, never with the text.</summary>
public enum EngagementSignal
{
    /// <summary>Nothing of note.</summary>
    None,

    /// <summary>"This isn't helping", "not for me", "no me sirve".</summary>
    ExplicitNonResonance,

    /// <summary>"skip", "next".</summary>
    Skip,

    /// <summary>A one-word or emoji-only answer to a question that invites more.</summary>
    MinimalReply,

    /// <summary>Replies getting shorter across the practice.</summary>
    ShrinkingReplies,

    /// <summary>A prompt the person did not answer after its attempts.</summary>
    PromptGivenUp,
}
