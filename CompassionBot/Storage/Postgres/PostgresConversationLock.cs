using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// One turn at a time per conversation across every instance on the PostgreSQL database: a transaction-scoped
/// advisory lock keyed by 64 bits of the conversation key's SHA-256, taken with the turn's state read and released by
/// its state commit (<see cref="PostgresTurn"/>, the lease this hands out). A turn holds it when it runs again after
/// its first try lost (<see cref="PostgresOptimisticConversationLock"/>); every first try's write is guarded by it.
/// </summary>
/// <remarks>
/// <para>
/// The lock lives in an open transaction on a pooled connection, so it is released by COMMIT, and by the server when
/// the connection or the instance dies: a crashed instance never leaves a conversation locked. A hash collision only
/// makes two conversations take turns. The state store's ETag check stays as the second guard.
/// </para>
/// <para>
/// Leases come from the database's pool of turn connections (<see cref="PostgresDatabase.TurnConnections"/>): turns
/// beyond it wait here, and a turn's clinic records use the other pool, which lease holders can never drain.
/// </para>
/// </remarks>
internal sealed class PostgresConversationLock : IConversationLock, IDisposable
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ETagSource _etagSource = new();
    private readonly SemaphoreSlim _holders;

    public PostgresConversationLock(PostgresDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _holders = new SemaphoreSlim(database.TurnConnections, database.TurnConnections);
    }

    /// <inheritdoc />
    /// <remarks>Sends nothing to the server: the lock is taken with the lease's first state read.</remarks>
    public async Task<IConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var key = LockKeyOf(conversationKey);
        await _holders.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await _database.OpenTurnAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresTurn(connection, key, _etagSource, _timeProvider, Release);
        }
        catch
        {
            _holders.Release();
            throw;
        }
    }

    /// <summary>The advisory lock key of <paramref name="conversationKey"/>: 64 bits of its SHA-256.</summary>
    public static long LockKeyOf(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(conversationKey)));
    }

    /// <inheritdoc />
    public void Dispose() => _holders.Dispose();

    private void Release()
    {
        try
        {
            _holders.Release();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: nobody waits any more.
        }
    }
}
