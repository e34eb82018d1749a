using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>The <see cref="IConversationLock"/> of a single instance: the in-process gate is all it needs.</summary>
public sealed class InProcessConversationLock : IConversationLock
{
    private static readonly Task<IConversationLease> Nothing = Task.FromResult<IConversationLease>(new Released());

    private InProcessConversationLock()
    {
    }

    /// <summary>The only instance.</summary>
    public static InProcessConversationLock Instance { get; } = new();

    /// <inheritdoc />
    public Task<IConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken) => Nothing;

    private sealed class Released : IConversationLease
    {
        public IStorage? Storage => null;

        public Task HoldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
