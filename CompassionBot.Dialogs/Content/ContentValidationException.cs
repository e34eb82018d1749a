namespace CompassionBot.Dialogs.Content;

/// <summary>Content files failed validation; the service must not start. The message lists every error with file and line.</summary>
public sealed class ContentValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base("Content validation failed:" + Environment.NewLine + string.Join(Environment.NewLine, errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public ContentValidationException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    public ContentValidationException(string message) : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ContentValidationException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    /// <summary>The errors found.</summary>
    public IReadOnlyList<ContentError> Errors { get; }
}
