namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>What a rule does when its pattern matches.</summary>
internal enum SafetyRuleKind
{
    /// <summary>First-person current risk: the message is <see cref="RiskLevel.Crisis"/>.</summary>
    Crisis,

    /// <summary>Hopelessness, entrapment, burdensomeness: the message is at least <see cref="RiskLevel.Concern"/>.</summary>
    Concern,

    /// <summary>Borderline distress wording: reported, but the level stays <see cref="RiskLevel.None"/>.</summary>
    Distress,

    /// <summary>Idiom, denial, third-party or past talk: silences crisis/concern/distress matches lying wholly inside it.</summary>
    Exclude,
}
