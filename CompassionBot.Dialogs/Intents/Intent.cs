namespace CompassionBot.Dialogs.Intents;

/// <summary>What a message means for the conversation, whatever its words (<see cref="IntentRecognizer"/>).</summary>
public enum Intent
{
    /// <summary>Nothing the bot acts on, or not understood with enough confidence: the bot asks again or reads the text as
    /// an answer (a practice step's free text).</summary>
    None,

    /// <summary>Picks one of the offered options (<see cref="IntentRecognition.Choice"/> says which). Only ever from the
    /// option's name, number or position, never from the semantic layer.</summary>
    Choose,

    /// <summary>Turns the offered options down: "no thanks", "none of these", "ninguna".</summary>
    Decline,

    /// <summary>Agrees: "yes", "sure, why not", "dale".</summary>
    Yes,

    /// <summary>Disagrees: "no", "not really", "nel".</summary>
    No,

    /// <summary>The practice is not helping or not for them; they want something different: "this isn't working", "no me sirve".</summary>
    NotHelping,

    /// <summary>Wants something shorter: "too long", "I only have a minute", "algo más corto".</summary>
    Shorter,

    /// <summary>Wants to stop the practice: "stop", "I'm done", "ya basta".</summary>
    Stop,

    /// <summary>Wants to stop for now and come back later: "later", "gotta go", "luego sigo".</summary>
    Pause,

    /// <summary>Asks how this works or what to do: "help", "I'm confused", "¿cómo funciona?".</summary>
    Help,

    /// <summary>Asks for the list of practices: "menu", "show me the options", "volver al menú".</summary>
    Menu,

    /// <summary>Says how they feel, pleasant or not: "I'm so anxious about tomorrow", "me siento mal", "😢".</summary>
    Feeling,

    /// <summary>Asks about the bot itself: "are you a real person?", "does my therapist read this?", "¿eres un bot?".</summary>
    AboutBot,

    /// <summary>Says hello: "hi", "good morning", "hola".</summary>
    Greeting,

    /// <summary>Says thank you: "thanks", "ty!", "gracias".</summary>
    Thanks,
}
