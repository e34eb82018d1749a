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

    /// <summary>"show my phrase", "muestra mi frase": the phrase the person kept.</summary>
    ShowPhrase,

    /// <summary>"show my letter", "muestra mi carta": the letter the person kept.</summary>
    ShowLetter,

    /// <summary>"delete my phrase", "borra mi frase".</summary>
    DeletePhrase,

    /// <summary>"delete my letter", "borra mi carta".</summary>
    DeleteLetter,
}
