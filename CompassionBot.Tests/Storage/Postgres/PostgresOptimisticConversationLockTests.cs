using System.Collections.Concurrent;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage.Postgres;

/// <summary>
/// A turn's first try without its conversation's lock, and its run again holding it after it lost. Each lock here is
/// another instance on the same database.
/// </summary>
public sealed class PostgresOptimisticConversationLockTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private const string Conversation = "emulator/conversations/a";
    private const string User = "emulator/users/u";
    private static readonly string[] TurnKeys = [Conversation, User];

    [Fact]
    public async Task FirstTry_ReadAndWrite_TwoSingleStatementsWithoutATransactionAndNoLockLeftHeld()
    {
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        var roundTrips = new ConcurrentQueue<string>();

        using (Database.ListenToRoundTrips(roundTrips))
        {
            await using var turn = await sut.AcquireAsync(Conversation, Ct);
            var state = await turn.Storage!.ReadAsync(TurnKeys, Ct);
            await turn.Storage.WriteAsync(Changes(state, "1"), Ct);
            Assert.Empty(state);
        }

        Assert.Collection(
            roundTrips,
            read => Assert.Equal(["FROM bot_state"], Found(read)),
            write => Assert.Equal(["pg_try_advisory_xact_lock", "bot_state_write"], Found(write)));
        Assert.Equal(0L, await Database.AdvisoryLocksHeldAsync(Ct));
        Assert.Equal("1", (await Database.OpenStorage().ReadAsync(TurnKeys, Ct))[Conversation].Json);
    }

    [Fact]
    public async Task FirstTry_AnotherInstanceHoldsTheConversation_ReadsWithoutWaitingLosesTheWriteAndRunsAgainHoldingTheLock()
    {
        var (_, other) = await Database.OpenInstanceLocksAsync(Ct);
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        var held = await other.AcquireAsync(Conversation, Ct);
        var heldState = await held.Storage!.ReadAsync(TurnKeys, Ct);
        await using var turn = await sut.AcquireAsync(Conversation, Ct);

        var state = await turn.Storage!.ReadAsync(TurnKeys, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var lost = await Assert.ThrowsAsync<StorageConcurrencyException>(() => turn.Storage.WriteAsync(Changes(state, "first try"), Ct));
        var again = Task.Run(() => turn.Storage.ReadAsync(TurnKeys, Ct), Ct);
        await (await PostgresConversationLockTests.LockedAsync(other, "emulator/conversations/b")).DisposeAsync();
        Assert.False(again.IsCompleted);
        await held.Storage.WriteAsync(Changes(heldState, "other instance"), Ct);
        await held.DisposeAsync();
        var fresh = await again.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await turn.Storage.WriteAsync(Changes(fresh, "run again"), Ct);

        Assert.Equal(Conversation, lost.Key);
        Assert.Equal("other instance", fresh[Conversation].Json);
        Assert.Equal("run again", (await Database.OpenStorage().ReadAsync(TurnKeys, Ct))[Conversation].Json);
    }

    [Fact]
    public async Task FirstTry_StaleETag_WritesNothingAndTheNextReadTakesTheLock()
    {
        var storage = Database.OpenStorage();
        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { [Conversation] = new("1", null), [User] = new("1", null) }, Ct);
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        await using var turn = await sut.AcquireAsync(Conversation, Ct);
        var state = await turn.Storage!.ReadAsync(TurnKeys, Ct);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [User] = new("2", etags[User]) }, Ct);

        var lost = await Assert.ThrowsAsync<StorageConcurrencyException>(() => turn.Storage.WriteAsync(Changes(state, "3"), Ct));
        var again = await turn.Storage.ReadAsync(TurnKeys, Ct);

        Assert.Equal(User, lost.Key);
        Assert.Equal(("1", "2"), (again[Conversation].Json, again[User].Json));
        Assert.Equal(1L, await Database.AdvisoryLocksHeldAsync(Ct));
    }

    [Fact]
    public async Task RunAgainHoldingTheLock_AnotherInstancesFirstTry_LosesToIt()
    {
        var storage = Database.OpenStorage();
        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { [Conversation] = new("0", null) }, Ct);
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        var (other, _) = await Database.OpenInstanceLocksAsync(Ct);
        await using var turn = await sut.AcquireAsync(Conversation, Ct);
        var stale = await turn.Storage!.ReadAsync(TurnKeys, Ct);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [Conversation] = new("1", etags[Conversation]) }, Ct);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => turn.Storage.WriteAsync(Changes(stale, "lost"), Ct));
        var fresh = await turn.Storage.ReadAsync(TurnKeys, Ct);

        await using var rival = await other.AcquireAsync(Conversation, Ct);
        var rivalState = await rival.Storage!.ReadAsync(TurnKeys, Ct);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => rival.Storage.WriteAsync(Changes(rivalState, "rival"), Ct));
        await turn.Storage.WriteAsync(Changes(fresh, "2"), Ct);

        Assert.Equal("2", (await storage.ReadAsync(TurnKeys, Ct))[Conversation].Json);
    }

    [Fact]
    public async Task ReadAgainWithoutALostWrite_HoldsTheLock()
    {
        // The error handler's fresh state: its save cannot lose to another instance either.
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        await using var turn = await sut.AcquireAsync(Conversation, Ct);
        _ = await turn.Storage!.ReadAsync(TurnKeys, Ct);

        _ = await turn.Storage.ReadAsync(TurnKeys, Ct);

        Assert.Equal(1L, await Database.AdvisoryLocksHeldAsync(Ct));
    }

    [Fact]
    public async Task Hold_NothingChangedSinceTheRead_HoldsTheLockAndTheWriteCommits()
    {
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        var (rival, _) = await Database.OpenInstanceLocksAsync(Ct);
        await using var turn = await sut.AcquireAsync(Conversation, Ct);
        var state = await turn.Storage!.ReadAsync(TurnKeys, Ct);

        await turn.HoldAsync(Ct);
        var locksWhileHeld = await Database.AdvisoryLocksHeldAsync(Ct);
        await using (var other = await rival.AcquireAsync(Conversation, Ct))
        {
            var rivalState = await other.Storage!.ReadAsync(TurnKeys, Ct);
            await Assert.ThrowsAsync<StorageConcurrencyException>(() => other.Storage.WriteAsync(Changes(rivalState, "rival"), Ct));
        }

        await turn.Storage.WriteAsync(Changes(state, "held"), Ct);

        Assert.Equal(1L, locksWhileHeld);
        Assert.Equal("held", (await Database.OpenStorage().ReadAsync(TurnKeys, Ct))[Conversation].Json);
    }

    [Fact]
    public async Task Hold_AnotherInstanceCommittedSinceTheRead_ThrowsAndTheTurnRunsAgainOnItsCommitHoldingTheLock()
    {
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);
        var (rival, _) = await Database.OpenInstanceLocksAsync(Ct);
        await using var turn = await sut.AcquireAsync(Conversation, Ct);
        var state = await turn.Storage!.ReadAsync(TurnKeys, Ct);
        await using (var other = await rival.AcquireAsync(Conversation, Ct))
        {
            await other.Storage!.WriteAsync(Changes(await other.Storage.ReadAsync(TurnKeys, Ct), "rival"), Ct);
        }

        var lost = await Assert.ThrowsAsync<StorageConcurrencyException>(() => turn.HoldAsync(Ct));
        var again = await turn.Storage.ReadAsync(TurnKeys, Ct);

        Assert.Empty(state);
        Assert.Equal(Conversation, lost.Key);
        Assert.Equal("rival", again[Conversation].Json);
        Assert.Equal(1L, await Database.AdvisoryLocksHeldAsync(Ct));
    }

    [Fact]
    public async Task Delete_GoesThroughTheLock_RemovesTheDocuments()
    {
        var storage = Database.OpenStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [Conversation] = new("1", null), [User] = new("1", null) }, Ct);
        var (sut, _) = await Database.OpenInstanceLocksAsync(Ct);

        await using (var turn = await sut.AcquireAsync(Conversation, Ct))
        {
            await turn.Storage!.DeleteAsync([User], Ct);
        }

        Assert.Equal([Conversation], (await storage.ReadAsync(TurnKeys, Ct)).Keys);
    }

    // Both documents set to json, each expected as it was read (absent: created): what a turn's save writes.
    private static Dictionary<string, StoreItem> Changes(IReadOnlyDictionary<string, StoreItem> read, string json) =>
        TurnKeys.ToDictionary(key => key, key => new StoreItem(json, read.TryGetValue(key, out var item) ? item.ETag : null));

    private static string[] Found(string roundTrip) =>
        PostgresConversationLockTests.Found(roundTrip, "BEGIN", "COMMIT", "pg_advisory_xact_lock", "pg_try_advisory_xact_lock", "FROM bot_state", "bot_state_write");
}
