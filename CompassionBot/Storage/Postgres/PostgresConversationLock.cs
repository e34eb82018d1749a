using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CompassionBot.Dialogs.Turns;
using Npgsql;

namespace CompassionBot.Storage.Postgres;

/// <summary>
/// One turn at a time per conversation across every instance on the PostgreSQL database: a transaction-scoped
/// advisory lock keyed by 64 bits of the conversation key's SHA-256, held for the turn (state load, bot, commit, replies).
/// </summary>
/// <remarks>
/// <para>
/// The lock lives in an open transaction on a pooled connection, so it is released by COMMIT, and by the server when
/// the connection or the instance dies: a crashed instance never leaves a conversation locked. A hash collision only
/// makes two conversations take turns. The state store's ETag check stays as the second guard.
/// </para>
/// <para>
/// A turn holding the lock also needs a connection for its state, so at most half the pool (less the one the Direct
/// Line listener may keep) holds locks at once:
/// turns beyond that wait here, and lock holders can never drain the pool while waiting for a connection.
/// </para>
/// </remarks>
internal sealed class PostgresConversationLock : IConversationLock, IDisposable
{
    private readonly PostgresDatabase _database;
    private readonly SemaphoreSlim _holders;

    public PostgresConversationLock(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        // One pooled connection may be held for good (the Direct Line LISTEN loop).
        var holders = Math.Clamp((database.MaxPoolSize - 1) / 2, 1, 1024);
        _holders = new SemaphoreSlim(holders, holders);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var key = BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(conversationKey)));
        await _holders.WaitAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _database.OpenRawAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("BEGIN; SELECT pg_advisory_xact_lock(@key);", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(connection, _holders);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            _holders.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _holders.Dispose();

    private sealed class Held(NpgsqlConnection connection, SemaphoreSlim holders) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var commit = new NpgsqlCommand("COMMIT;", connection);
                await commit.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or ObjectDisposedException)
            {
                // The connection broke, or the pool is gone (shutdown): the server ends the transaction and drops the lock.
            }
            finally
            {
                // Back to the pool (a connection left in a failed transaction is reset before reuse).
                await connection.DisposeAsync().ConfigureAwait(false);
                try
                {
                    holders.Release();
                }
                catch (ObjectDisposedException)
                {
                    // Shutting down: nobody waits any more.
                }
            }
        }
    }
}
