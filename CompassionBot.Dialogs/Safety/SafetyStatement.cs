namespace CompassionBot.Dialogs.Safety;

/// <summary>What a message says about the person's safety after a referral (see <see cref="SafetyStatements"/>).</summary>
public enum SafetyStatement
{
    /// <summary>Nothing about their safety.</summary>
    None = 0,

    /// <summary>The referral was a misunderstanding ("I didn't mean it", "it was a joke").</summary>
    FalseAlarm = 1,

    /// <summary>They say they are safe now.</summary>
    Safe = 2,

    /// <summary>They have reached help or are with someone.</summary>
    ReachedHelp = 3,
}
