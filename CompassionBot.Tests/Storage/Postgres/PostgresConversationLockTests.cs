using System.Collections.Concurrent;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Storage.Postgres;
using CompassionBot.Tests.Support;
using Npgsql;

namespace CompassionBot.Tests.Storage.Postgres;

/// <summary>
/// The cross-instance conversation lock. A lease sends nothing until the turn reads its state: the lock is taken with
/// that read and released by the state commit (or when the lease ends), so these tests hold it by reading through the
/// lease's storage.
/// </summary>
public sealed class PostgresConversationLockTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private static readonly string[] TurnKeys = ["emulator/conversations/a", "emulator/users/u"];

    [Fact]
    public async Task StateRead_ConversationHeldByAnotherInstance_WaitsUntilReleased()
    {
        var first = await LockAsync();
        var sut = await LockAsync();
        var held = await LockedAsync(first, "emulator/conversations/a");

        var waiting = Task.Run(() => LockedAsync(sut, "emulator/conversations/a"), Ct);
        await (await LockedAsync(sut, "emulator/conversations/b")).DisposeAsync();

        // "b" was free while "a" is still held; "a" becomes free only when the first instance lets go.
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task StateRead_HolderConnectionDies_LockIsFreed()
    {
        var first = await LockAsync();
        var sut = await LockAsync();
        _ = await LockedAsync(first, "emulator/conversations/a");
        var waiting = Task.Run(() => LockedAsync(sut, "emulator/conversations/a"), Ct);

        // As when an instance is killed: its connection ends and the server drops the locks it held. pg_locks covers
        // the whole server, so only this test's database is searched: other test classes running at the same time hold
        // advisory locks too (migrations, turns), and killing their connections made them fail.
        await using (var admin = new NpgsqlConnection(Database.ConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() " +
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database());", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync(Ct));
        }

        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task StateWrite_CommitsAndReleasesTheLockBeforeTheLeaseEnds()
    {
        var first = await LockAsync();
        var sut = await LockAsync();
        await using var held = await first.AcquireAsync(TurnKeys[0], Ct);
        var read = await held.Storage!.ReadAsync(TurnKeys, Ct);

        await held.Storage.WriteAsync(new Dictionary<string, StoreItem> { [TurnKeys[0]] = new("{\"n\":1}", null), [TurnKeys[1]] = new("{}", null) }, Ct);

        Assert.Empty(read);
        await using var next = await LockedAsync(sut, TurnKeys[0]).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal("{\"n\":1}", (await next.Storage!.ReadAsync(TurnKeys, Ct))[TurnKeys[0]].Json);
    }

    [Fact]
    public async Task Turn_LockReadWriteCommit_TakesTwoRoundTrips()
    {
        var sut = await LockAsync();
        var roundTrips = new ConcurrentQueue<string>();
        using var listener = Database.ListenToRoundTrips(roundTrips);

        await using (var turn = await sut.AcquireAsync(TurnKeys[0], Ct))
        {
            var state = await turn.Storage!.ReadAsync(TurnKeys, Ct);
            await turn.Storage.WriteAsync(new Dictionary<string, StoreItem> { [TurnKeys[0]] = new("{}", null), [TurnKeys[1]] = new("{}", null) }, Ct);
            Assert.Empty(state);
        }

        Assert.Collection(
            roundTrips,
            lockAndRead => Assert.Equal(["BEGIN", "pg_advisory_xact_lock", "FROM bot_state"], Found(lockAndRead, "BEGIN", "pg_advisory_xact_lock", "FROM bot_state")),
            writeAndCommit => Assert.Equal(["bot_state_write", "COMMIT"], Found(writeAndCommit, "bot_state_write", "COMMIT")));
    }

    [Fact]
    public async Task StateWrite_StaleETag_ThrowsWritesNothingAndTheNextReadLocksAgain()
    {
        var other = Database.OpenStorage();
        var sut = await LockAsync();
        var etags = await other.WriteAsync(new Dictionary<string, StoreItem> { [TurnKeys[0]] = new("1", null), [TurnKeys[1]] = new("1", null) }, Ct);
        await using var turn = await sut.AcquireAsync(TurnKeys[0], Ct);
        var read = await turn.Storage!.ReadAsync(TurnKeys, Ct);
        await other.WriteAsync(new Dictionary<string, StoreItem> { [TurnKeys[1]] = new("2", etags[TurnKeys[1]]) }, Ct);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => turn.Storage.WriteAsync(
            new Dictionary<string, StoreItem> { [TurnKeys[0]] = new("3", read[TurnKeys[0]].ETag), [TurnKeys[1]] = new("3", read[TurnKeys[1]].ETag) }, Ct));
        var again = await turn.Storage.ReadAsync(TurnKeys, Ct);

        Assert.Equal(TurnKeys[1], error.Key);
        Assert.Equal(("1", "2"), (again[TurnKeys[0]].Json, again[TurnKeys[1]].Json));
        Assert.Equal(1L, await Database.AdvisoryLocksHeldAsync(Ct));
    }

    // Each lock is another instance, on a database object of its own, migrated first so that only the turn talks to the server.
    private async Task<PostgresConversationLock> LockAsync()
    {
        var database = Database.OpenDatabase();
        await database.EnsureMigratedAsync(Ct);
        return new PostgresConversationLock(database, TimeProvider.System);
    }

    internal static async Task<IConversationLease> LockedAsync(PostgresConversationLock conversationLock, string conversationKey)
    {
        var lease = await conversationLock.AcquireAsync(conversationKey, Ct);
        await lease.Storage!.ReadAsync([conversationKey], Ct);
        return lease;
    }

    internal static string[] Found(string text, params string[] parts) => [.. parts.Where(p => text.Contains(p, StringComparison.Ordinal))];
}
