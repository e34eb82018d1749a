namespace CompassionBot.Dialogs.Engagement;

/// <summary>Words a person wrote in a practice that the bot may keep for them, when they say yes.</summary>
public enum KeepKind
{
    /// <summary>A phrase that felt right (loving-kindness).</summary>
    Phrase,

    /// <summary>A compassionate letter to themselves.</summary>
    Letter,
}
