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

    /// <summary>
    /// Makes sure the turn that holds this lease is the one that commits, before it does something outside its state
    /// that running it again would repeat or undo (<see cref="ITurnContext.HoldConversationAsync"/>). A lease that
    /// holds its conversation for the whole turn has nothing to do; one whose turn runs a first try without the
    /// cross-instance lock takes it now, and throws <see cref="State.StorageConcurrencyException"/> (the turn runs
    /// again, holding it) when another instance committed the conversation since the turn read it.
    /// </summary>
    Task HoldAsync(CancellationToken cancellationToken);
}
