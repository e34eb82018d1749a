namespace CompassionBot.Dialogs.State;

/// <summary>
/// A JSON document with its ETag. On write, the ETag is the expectation: <c>null</c> = create (fails if the key
/// exists), <c>"*"</c> = overwrite whatever is there, any other value = must equal the stored ETag.
/// </summary>
/// <param name="Json">The document, as JSON text.</param>
/// <param name="ETag">The version read, or the write expectation.</param>
public sealed record StoreItem(string Json, string? ETag)
{
    /// <summary>The ETag that overwrites unconditionally.</summary>
    public const string AnyETag = "*";
}
