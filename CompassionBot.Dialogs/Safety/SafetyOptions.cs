namespace CompassionBot.Dialogs.Safety;

/// <summary>What the safety flow keeps (section <c>Safety</c>).</summary>
public sealed class SafetyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Safety";

    /// <summary>Whether a crisis event keeps the person's message text. Default false: ids, level and rules only.</summary>
    public bool RecordMessageText { get; set; }
}
