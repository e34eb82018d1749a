namespace CompassionBot.Dialogs.State;

/// <summary>A write's ETag expectation did not hold: someone else changed (or created) the document first.</summary>
public sealed class StorageConcurrencyException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public StorageConcurrencyException(string key)
        : base($"ETag conflict on state key '{key}'.") => Key = key;

    /// <summary>Creates the exception with a message.</summary>
    public StorageConcurrencyException() : base("ETag conflict.") => Key = string.Empty;

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public StorageConcurrencyException(string message, Exception innerException) : base(message, innerException) => Key = string.Empty;

    /// <summary>The key whose expectation failed.</summary>
    public string Key { get; }
}
