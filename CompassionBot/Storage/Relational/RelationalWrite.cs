using System.Data.Common;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// A connection opened for a write by <see cref="IRelationalDatabase.OpenWriteAsync"/>, together with whatever the
/// provider holds for the write's duration (on SQLite, this process's write lock and its one write connection).
/// Disposing returns both.
/// </summary>
internal sealed class RelationalWrite : IAsyncDisposable
{
    private readonly bool _ownsConnection;
    private Action? _onDisposed;

    /// <summary>A write on a connection of its own, closed (returned to its pool) on disposal.</summary>
    public RelationalWrite(DbConnection connection)
        : this(connection, ownsConnection: true, onDisposed: null)
    {
    }

    /// <summary>
    /// A write on <paramref name="connection"/>, closed on disposal only when <paramref name="ownsConnection"/>;
    /// <paramref name="onDisposed"/> runs last, once.
    /// </summary>
    public RelationalWrite(DbConnection connection, bool ownsConnection, Action? onDisposed)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _ownsConnection = ownsConnection;
        _onDisposed = onDisposed;
    }

    /// <summary>The open connection to write on. Do not dispose it: dispose this instead.</summary>
    public DbConnection Connection { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_ownsConnection)
            {
                await Connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _onDisposed, null)?.Invoke();
        }
    }
}
