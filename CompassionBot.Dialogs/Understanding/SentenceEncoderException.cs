namespace CompassionBot.Dialogs.Understanding;

/// <summary>The sentence encoder could not be loaded or could not run.</summary>
public sealed class SentenceEncoderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SentenceEncoderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SentenceEncoderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SentenceEncoderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
