using CompassionBot.Dialogs.State;

namespace CompassionBot.Dialogs.Turns;

/// <summary>A turn's hold on its conversation (<see cref="ConversationGate"/>, <see cref="IConversationLock"/>); dispose to let the next turn in.</summary>
public interface IConversationLease : IAsyncDisposable
{
    /// <summary>
    /// Where the turn reads and commits its state while the lease is held, when the cross-instance lock keeps the turn's
    /// state on its own connection (PostgreSQL: the lock and the state read travel together, and the state write commits
    /// the lock's transaction, which lets other instances in); null: the application's <see cref="IStorage"/>.
    /// </summary>
    IStorage? Storage { get; }
}
