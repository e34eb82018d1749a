namespace CompassionBot.Dialogs.Safety;

/// <summary>How urgent a crisis referral is: whether the person says they have already acted or are in danger now.</summary>
public enum CrisisUrgency
{
    /// <summary>Thoughts, plans or means: the referral to the crisis line.</summary>
    Standard = 0,

    /// <summary>An overdose or poison taken: the emergency number and the poison line come first.</summary>
    Overdose = 1,

    /// <summary>In danger from someone now, or hurt: the emergency number comes first.</summary>
    Danger = 2,
}
