using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Conversation;

/// <summary>Recognises a whole message that is an interruption (English and Spanish, case- and accent-insensitive).</summary>
public static class InterruptionRecognizer
{
    private static readonly Dictionary<string, Interruption> Words = new(StringComparer.Ordinal)
    {
        ["help"] = Interruption.Help, ["ayuda"] = Interruption.Help, ["i need help using this"] = Interruption.Help,
        ["menu"] = Interruption.Menu, ["main menu"] = Interruption.Menu, ["practices"] = Interruption.Menu, ["practicas"] = Interruption.Menu,
        ["stop"] = Interruption.Stop, ["cancel"] = Interruption.Stop, ["quit"] = Interruption.Stop, ["exit"] = Interruption.Stop,
        ["end"] = Interruption.Stop, ["parar"] = Interruption.Stop, ["para"] = Interruption.Stop, ["detener"] = Interruption.Stop,
        ["cancelar"] = Interruption.Stop, ["salir"] = Interruption.Stop, ["basta"] = Interruption.Stop,
        ["pause"] = Interruption.Pause, ["later"] = Interruption.Pause, ["not now"] = Interruption.Pause, ["pausa"] = Interruption.Pause,
        ["luego"] = Interruption.Pause, ["mas tarde"] = Interruption.Pause,
        ["english"] = Interruption.English, ["ingles"] = Interruption.English, ["in english"] = Interruption.English, ["en ingles"] = Interruption.English,
        ["espanol"] = Interruption.Spanish, ["spanish"] = Interruption.Spanish, ["en espanol"] = Interruption.Spanish, ["in spanish"] = Interruption.Spanish,
    };

    /// <summary>The interruption <paramref name="text"/> is, or <see cref="Interruption.None"/>.</summary>
    public static Interruption Recognize(string? text)
    {
        var folded = InputText.Fold(text);
        return folded == "?" || (text?.Trim() == "?") ? Interruption.Help : Words.GetValueOrDefault(folded, Interruption.None);
    }
}
