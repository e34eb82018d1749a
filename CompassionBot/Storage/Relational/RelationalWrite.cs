using System.Data.Common;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// A connection opened for a write by <see cref="IRelationalDatabase.OpenWriteAsync"/>, together with whatever the
/// provider holds for the write's duration (on SQLite, this process's write lock). Disposing returns both.
/// </summary>
internal sealed class RelationalWrite(DbConnection connection, Action? onDisposed = null) : IAsyncDisposable
{
    private Action? _onDisposed = onDisposed;

    /// <summary>The open connection to write on.</summary>
    public DbConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _onDisposed, null)?.Invoke();
        }
    }
}
