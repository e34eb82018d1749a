namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>Yes/no in English and Spanish ("yes", "yeah", "sure", "sí", "claro" / "no", "nope", "not now", "todavía no").</summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "k", "of course", "please", "yes please", "i do", "definitely", "ready",
        "si", "claro", "vale", "dale", "por supuesto", "bueno", "de acuerdo", "si por favor", "listo", "lista",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "not now", "not really", "no thanks", "no thank you", "i dont", "no way", "never",
        "ahora no", "todavia no", "no gracias", "para nada", "nunca",
    };

    /// <summary>True when the whole of <paramref name="text"/> is one of the yes or no words (not merely starts with one).</summary>
    public static bool IsWholeAnswer(string? text)
    {
        var folded = InputText.Fold(text);
        return Yes.Contains(folded) || No.Contains(folded);
    }

    /// <summary>True for yes, false for no, null when the answer is neither.</summary>
    public static bool? Recognize(string? text)
    {
        var folded = InputText.Fold(text);
        if (Yes.Contains(folded))
        {
            return true;
        }

        if (No.Contains(folded))
        {
            return false;
        }

        var first = folded.Split(' ')[0];
        return Yes.Contains(first) ? true : No.Contains(first) ? false : null;
    }
}
