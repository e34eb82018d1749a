namespace CompassionBot.Dialogs.Safety;

/// <summary>Which safety check, if any, a turn should ask.</summary>
public enum SafetyCheck
{
    /// <summary>No check: the message gave no concern.</summary>
    None = 0,

    /// <summary>One gentle screening question.</summary>
    Gentle = 1,

    /// <summary>A direct question about thoughts of suicide (C-SSRS style), after repeated concern.</summary>
    Direct = 2,
}
