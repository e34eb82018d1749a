using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Storage;

/// <summary>
/// The storage contract against <see cref="CachingStorage"/> over a real SQLite file (one instance plays every caller,
/// as in one process), and what the cache adds: reads from memory, and a change made behind it by another process
/// caught by the ETag check at the next write.
/// </summary>
public sealed class CachingStorageTests : StorageContractTests, IDisposable
{
    private readonly TemporarySqliteFile _file = new();
    private readonly CachingStorage _store;

    public CachingStorageTests() => _store = new CachingStorage(_file.OpenStorage(), capacity: 64);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    private protected override IStorage OpenStorage() => _store;

    [Fact]
    public async Task ReadAsync_DocumentThisProcessReadThenWrote_IsServedWithoutReadingTheStoreAgain()
    {
        var (inner, sut) = NewCache();
        var created = await ReadThenCreateAsync(sut, "a", "1");
        var updated = (await sut.WriteAsync(Changes(("a", "2", created)), Ct))["a"];

        var read = await sut.ReadAsync(["a"], Ct);

        Assert.Equal(new StoreItem("2", updated), read["a"]);
        Assert.Equal(1, inner.KeysRead);
    }

    [Fact]
    public async Task ReadAsync_DocumentReadOnce_IsReadFromTheStoreOnlyOnce()
    {
        var (inner, sut) = NewCache();
        var etags = await inner.WriteAsync(Changes(("a", "1", null)), Ct);

        var first = await sut.ReadAsync(["a", "missing"], Ct);
        var second = await sut.ReadAsync(["a"], Ct);

        Assert.Equal(new StoreItem("1", etags["a"]), first["a"]);
        Assert.False(first.ContainsKey("missing"));
        Assert.Equal(first["a"], second["a"]);
        Assert.Equal(2, inner.KeysRead);
    }

    [Fact]
    public async Task ReadAsync_MissingDocumentAskedTwice_IsLookedUpInTheStoreOnce()
    {
        var (inner, sut) = NewCache();

        var first = await sut.ReadAsync(["missing"], Ct);
        var second = await sut.ReadAsync(["missing"], Ct);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Equal(1, inner.KeysRead);
    }

    [Fact]
    public async Task WriteAsync_CreateOfDocumentAnotherProcessCreatedMeanwhile_FailsThenTheNextReadReturnsIt()
    {
        var other = _file.OpenStorage();
        Assert.Empty(await _store.ReadAsync(["a"], Ct));
        var created = (await other.WriteAsync(Changes(("a", "theirs", null)), Ct))["a"];

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _store.WriteAsync(Changes(("a", "ours", null)), Ct));

        Assert.Equal(new StoreItem("theirs", created), (await _store.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_DocumentChangedByAnotherProcess_FailsThenTheNextReadReturnsTheStoredVersion()
    {
        var other = _file.OpenStorage();
        var original = (await _store.WriteAsync(Changes(("a", "1", null)), Ct))["a"];
        var cached = (await _store.ReadAsync(["a"], Ct))["a"];
        var changedElsewhere = (await other.WriteAsync(Changes(("a", "2", original)), Ct))["a"];

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _store.WriteAsync(Changes(("a", "3", cached.ETag)), Ct));
        var reread = (await _store.ReadAsync(["a"], Ct))["a"];
        var final = (await _store.WriteAsync(Changes(("a", "3", reread.ETag)), Ct))["a"];

        Assert.Equal(new StoreItem("1", original), cached);
        Assert.Equal(new StoreItem("2", changedElsewhere), reread);
        Assert.Equal(new StoreItem("3", final), (await other.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_DocumentDeletedByAnotherProcess_FailsThenTheNextReadFindsNothing()
    {
        var other = _file.OpenStorage();
        var etag = (await _store.WriteAsync(Changes(("a", "1", null)), Ct))["a"];
        await other.DeleteAsync(["a"], Ct);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _store.WriteAsync(Changes(("a", "2", etag)), Ct));

        Assert.Empty(await _store.ReadAsync(["a"], Ct));
    }

    [Fact]
    public async Task WriteAsync_StoreFails_ForgetsTheKeysSoTheNextReadGoesToTheStore()
    {
        var (inner, sut) = NewCache();
        var etag = (await sut.WriteAsync(Changes(("a", "1", null)), Ct))["a"];
        inner.FailNextWrite = true;

        await Assert.ThrowsAsync<IOException>(() => sut.WriteAsync(Changes(("a", "2", etag)), Ct));
        var read = await sut.ReadAsync(["a"], Ct);

        Assert.Equal(new StoreItem("1", etag), read["a"]);
        Assert.Equal(1, inner.KeysRead);
    }

    [Fact]
    public async Task DeleteAsync_RemembersTheDocumentIsGone()
    {
        var (inner, sut) = NewCache();
        await ReadThenCreateAsync(sut, "a", "1");

        await sut.DeleteAsync(["a"], Ct);

        Assert.Empty(await sut.ReadAsync(["a"], Ct));
        Assert.Empty(await inner.ReadAsync(["a"], Ct));
        Assert.Equal(2, inner.KeysRead);
    }

    [Fact]
    public async Task DeleteAsync_ReturnsAfterTheDocumentWasCreatedAgain_CacheDoesNotCallItGone()
    {
        // "Forget me" then a new first message: the new profile may be committed before the delete returns.
        var (inner, sut) = NewCache();
        var first = await ReadThenCreateAsync(sut, "a", "1");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inner.HoldNextDeleteAfterCommit = release.Task;
        var delete = sut.DeleteAsync(["a"], Ct);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => sut.WriteAsync(Changes(("a", "stale", first)), Ct));
        Assert.Empty(await sut.ReadAsync(["a"], Ct));
        var recreated = (await sut.WriteAsync(Changes(("a", "2", null)), Ct))["a"];
        release.SetResult();
        await delete;

        Assert.Equal(new StoreItem("2", recreated), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_MoreDocumentsThanCapacity_HoldsNoMoreThanCapacityAndStaysCorrect()
    {
        var sut = new CachingStorage(new MemoryStorage(), capacity: 4);
        var etags = new Dictionary<string, string>();
        for (var i = 0; i < 10; i++)
        {
            var key = $"k{i}";
            await sut.ReadAsync([key], Ct);
            etags[key] = (await sut.WriteAsync(Changes((key, i.ToString(System.Globalization.CultureInfo.InvariantCulture), null)), Ct))[key];
            Assert.InRange(sut.Count, 1, 4);
        }

        var read = await sut.ReadAsync([.. etags.Keys], Ct);
        Assert.All(etags, pair => Assert.Equal(pair.Value, read[pair.Key].ETag));
        Assert.InRange(sut.Count, 1, 4);
    }

    [Fact]
    public async Task WriteAsync_OlderWriteReturnsAfterANewerOne_CacheKeepsTheNewerVersion()
    {
        // A group commit resumes its callers in any order: the first writer may hear of its commit after a second
        // writer has already built on it.
        var (inner, sut) = NewCache();
        var first = await ReadThenCreateAsync(sut, "a", "1");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inner.HoldNextWriteAfterCommit = release.Task;
        var older = sut.WriteAsync(Changes(("a", "2", first)), Ct);

        var stale = (await sut.ReadAsync(["a"], Ct))["a"];
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => sut.WriteAsync(Changes(("a", "3", stale.ETag)), Ct));
        var fresh = (await sut.ReadAsync(["a"], Ct))["a"];
        var newest = (await sut.WriteAsync(Changes(("a", "3", fresh.ETag)), Ct))["a"];
        release.SetResult();
        await older;

        Assert.Equal("2", fresh.Json);
        Assert.Equal(new StoreItem("3", newest), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_CreateReturnsAfterItsDocumentWasUpdatedAndForgotten_CacheDoesNotBringTheFirstVersionBack()
    {
        var (inner, sut) = NewCache();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inner.HoldNextWriteAfterCommit = release.Task;
        var create = sut.WriteAsync(Changes(("a", "1", null)), Ct);

        var first = (await sut.ReadAsync(["a"], Ct))["a"];
        var second = (await sut.WriteAsync(Changes(("a", "2", first.ETag)), Ct))["a"];
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => sut.WriteAsync(Changes(("a", "late", first.ETag)), Ct));
        release.SetResult();
        await create;

        Assert.Equal(new StoreItem("2", second), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    private static (CountingStorage Inner, CachingStorage Sut) NewCache()
    {
        var inner = new CountingStorage(new MemoryStorage());
        return (inner, new CachingStorage(inner, capacity: 8));
    }

    // A turn's shape: load (the document does not exist yet), then save it.
    private static async Task<string> ReadThenCreateAsync(CachingStorage sut, string key, string json)
    {
        Assert.Empty(await sut.ReadAsync([key], Ct));
        return (await sut.WriteAsync(Changes((key, json, null)), Ct))[key];
    }

    private static Dictionary<string, StoreItem> Changes(params (string Key, string Json, string? ETag)[] changes) =>
        changes.ToDictionary(c => c.Key, c => new StoreItem(c.Json, c.ETag), StringComparer.Ordinal);

    /// <summary>Counts the keys read from the wrapped store, can fail one write, and can hold one committed write or delete back.</summary>
    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int KeysRead { get; private set; }

        public bool FailNextWrite { get; set; }

        /// <summary>When set, the next write commits but does not return to its caller until this completes.</summary>
        public Task? HoldNextWriteAfterCommit { get; set; }

        /// <summary>When set, the next delete commits but does not return to its caller until this completes.</summary>
        public Task? HoldNextDeleteAfterCommit { get; set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        {
            KeysRead += keys.Count;
            return inner.ReadAsync(keys, cancellationToken);
        }

        public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
        {
            if (FailNextWrite)
            {
                FailNextWrite = false;
                throw new IOException("disk full");
            }

            var hold = HoldNextWriteAfterCommit;
            HoldNextWriteAfterCommit = null;
            var etags = await inner.WriteAsync(changes, cancellationToken);
            await (hold ?? Task.CompletedTask);
            return etags;
        }

        public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        {
            var hold = HoldNextDeleteAfterCommit;
            HoldNextDeleteAfterCommit = null;
            await inner.DeleteAsync(keys, cancellationToken);
            await (hold ?? Task.CompletedTask);
        }
    }
}
