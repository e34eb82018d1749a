using CompassionBot.Storage.Postgres;
using CompassionBot.Tests.Support;
using Npgsql;

namespace CompassionBot.Tests.Storage.Postgres;

public sealed class PostgresConversationLockTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    [Fact]
    public async Task AcquireAsync_HeldByAnotherInstance_WaitsUntilReleased()
    {
        var first = new PostgresConversationLock(Database.OpenDatabase());
        var sut = new PostgresConversationLock(Database.OpenDatabase());
        var held = await first.AcquireAsync("emulator/conversations/a", Ct);

        var waiting = sut.AcquireAsync("emulator/conversations/a", Ct);
        var other = await sut.AcquireAsync("emulator/conversations/b", Ct);
        await other.DisposeAsync();

        // "b" was free while "a" is still held; "a" becomes free only when the first instance lets go.
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task AcquireAsync_HolderConnectionDies_LockIsFreed()
    {
        var first = new PostgresConversationLock(Database.OpenDatabase());
        var sut = new PostgresConversationLock(Database.OpenDatabase());
        _ = await first.AcquireAsync("emulator/conversations/a", Ct);
        var waiting = sut.AcquireAsync("emulator/conversations/a", Ct);

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
}
