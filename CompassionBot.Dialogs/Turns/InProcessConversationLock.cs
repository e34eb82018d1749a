namespace CompassionBot.Dialogs.Turns;

/// <summary>The <see cref="IConversationLock"/> of a single instance: the in-process gate is all it needs.</summary>
public sealed class InProcessConversationLock : IConversationLock
{
    private static readonly Task<IAsyncDisposable> Nothing = Task.FromResult<IAsyncDisposable>(new Released());

    private InProcessConversationLock()
    {
    }

    /// <summary>The only instance.</summary>
    public static InProcessConversationLock Instance { get; } = new();

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken) => Nothing;

    private sealed class Released : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
