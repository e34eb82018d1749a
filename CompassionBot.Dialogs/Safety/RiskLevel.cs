namespace CompassionBot.Dialogs.Safety;

/// <summary>How worrying a message is, lowest first.</summary>
public enum RiskLevel
{
    /// <summary>Nothing that needs a safety response.</summary>
    None = 0,

    /// <summary>Hopelessness, entrapment, burdensomeness without explicit suicidal content: ask one gentle screening question.</summary>
    Concern = 1,

    /// <summary>First-person current risk: refer immediately and alert the clinician.</summary>
    Crisis = 2,
}
