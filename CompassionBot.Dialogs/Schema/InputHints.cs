namespace CompassionBot.Dialogs.Schema;

/// <summary>Wire values of <c>inputHint</c> (the swagger enum, not the spec prose).</summary>
public static class InputHints
{
    /// <summary>The bot is passively ready for input.</summary>
    public const string AcceptingInput = "acceptingInput";

    /// <summary>The bot is actively waiting for an answer (prompts).</summary>
    public const string ExpectingInput = "expectingInput";

    /// <summary>The bot is not ready for input.</summary>
    public const string IgnoringInput = "ignoringInput";
}
