namespace CompassionBot.Dialogs.Intents;

/// <summary>The interruptions every channel understands.</summary>
public enum Interruption
{
    /// <summary>Not an interruption.</summary>
    None,

    /// <summary>"help", "ayuda", "?".</summary>
    Help,

    /// <summary>"menu", "menú".</summary>
    Menu,

    /// <summary>"stop", "cancel", "quit", "parar": end the practice kindly, saved as abandoned.</summary>
    Stop,

    /// <summary>"pause", "later", "pausa": end for now.</summary>
    Pause,

    /// <summary>"english", "inglés".</summary>
    English,

    /// <summary>"español", "spanish".</summary>
    Spanish,
}
