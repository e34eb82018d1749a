using System.Globalization;
using CompassionBot.Dialogs.State;

namespace CompassionBot.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IStorage"/> provider must have. A provider's test class derives from this and
/// supplies <see cref="OpenStorage"/>; it inherits every test.
/// </summary>
public abstract class StorageContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Opens the store under test. Every call must open the same data; providers that can, return a new
    /// independent instance each time (as another process would be).
    /// </summary>
    private protected abstract IStorage OpenStorage();

    [Fact]
    public async Task WriteAsync_NewKeyWithNullETag_CreatesDocumentWithNewETag()
    {
        var sut = OpenStorage();

        var etags = await sut.WriteAsync(Changes(("a", "{\"n\":1}", null)), Ct);

        var read = await sut.ReadAsync(["a"], Ct);
        Assert.Equal("{\"n\":1}", read["a"].Json);
        Assert.Equal(etags["a"], read["a"].ETag);
        Assert.False(string.IsNullOrEmpty(etags["a"]));
        Assert.NotEqual(StoreItem.AnyETag, etags["a"]);
    }

    [Fact]
    public async Task WriteAsync_CurrentETag_SucceedsAndChangesETag()
    {
        var sut = OpenStorage();
        var first = await CreateAsync(sut, "a", "1");

        var etags = await sut.WriteAsync(Changes(("a", "2", first)), Ct);

        Assert.NotEqual(first, etags["a"]);
        var read = await sut.ReadAsync(["a"], Ct);
        Assert.Equal(new StoreItem("2", etags["a"]), read["a"]);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsAndKeepsDocument()
    {
        var sut = OpenStorage();
        var stale = await CreateAsync(sut, "a", "1");
        var current = (await sut.WriteAsync(Changes(("a", "2", stale)), Ct))["a"];

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => sut.WriteAsync(Changes(("a", "3", stale)), Ct));

        Assert.Equal("a", error.Key);
        Assert.Equal(new StoreItem("2", current), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_AnyETag_OverwritesExistingDocument()
    {
        var sut = OpenStorage();
        var first = await CreateAsync(sut, "a", "1");

        var etags = await sut.WriteAsync(Changes(("a", "2", StoreItem.AnyETag)), Ct);

        Assert.NotEqual(first, etags["a"]);
        Assert.Equal(new StoreItem("2", etags["a"]), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_AnyETagOnMissingKey_CreatesDocument()
    {
        var sut = OpenStorage();

        var etags = await sut.WriteAsync(Changes(("a", "1", StoreItem.AnyETag)), Ct);

        Assert.Equal(new StoreItem("1", etags["a"]), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_NullETagOnExistingKey_ThrowsAndKeepsDocument()
    {
        var sut = OpenStorage();
        var etag = await CreateAsync(sut, "a", "1");

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => sut.WriteAsync(Changes(("a", "2", null)), Ct));

        Assert.Equal(new StoreItem("1", etag), (await sut.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_EmptyETag_ThrowsArgumentExceptionAndWritesNothing()
    {
        var sut = OpenStorage();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => sut.WriteAsync(Changes(("b", "1", null), ("a", "1", "")), Ct));

        Assert.Empty(await sut.ReadAsync(["a", "b"], Ct));
    }

    [Fact]
    public async Task WriteAsync_BatchWithOneFailingExpectation_WritesNone()
    {
        var sut = OpenStorage();
        var stale = await CreateAsync(sut, "a", "1");
        var current = (await sut.WriteAsync(Changes(("a", "2", stale)), Ct))["a"];
        var other = await CreateAsync(sut, "c", "1");

        // The failing expectation comes last, after the others would already have been applied.
        await Assert.ThrowsAsync<StorageConcurrencyException>(
            () => sut.WriteAsync(Changes(("b", "new", null), ("c", "changed", other), ("a", "3", stale)), Ct));

        var read = await sut.ReadAsync(["a", "b", "c"], Ct);
        Assert.Equal(new StoreItem("2", current), read["a"]);
        Assert.False(read.ContainsKey("b"));
        Assert.Equal(new StoreItem("1", other), read["c"]);
    }

    [Fact]
    public async Task WriteAsync_Batch_ReturnsDistinctETagForEveryKey()
    {
        var sut = OpenStorage();

        var etags = await sut.WriteAsync(Changes(("a", "1", null), ("b", "2", null)), Ct);

        var read = await sut.ReadAsync(["a", "b"], Ct);
        Assert.Equal(new StoreItem("1", etags["a"]), read["a"]);
        Assert.Equal(new StoreItem("2", etags["b"]), read["b"]);
        Assert.NotEqual(etags["a"], etags["b"]);
    }

    [Fact]
    public async Task ReadAsync_MissingKeys_AreAbsent()
    {
        var sut = OpenStorage();
        var etag = await CreateAsync(sut, "b", "1");

        var read = await sut.ReadAsync(["a", "b", "c"], Ct);

        Assert.Equal(["b"], read.Keys);
        Assert.Equal(etag, read["b"].ETag);
    }

    [Fact]
    public async Task ReadAsync_NoKeys_ReturnsEmpty()
    {
        var sut = OpenStorage();

        Assert.Empty(await sut.ReadAsync([], Ct));
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissingKeys_RemovesExistingAndIgnoresMissing()
    {
        var sut = OpenStorage();
        await CreateAsync(sut, "a", "1");
        var kept = await CreateAsync(sut, "b", "2");

        await sut.DeleteAsync(["a", "missing"], Ct);

        var read = await sut.ReadAsync(["a", "b"], Ct);
        Assert.Equal(["b"], read.Keys);
        Assert.Equal(kept, read["b"].ETag);
    }

    [Fact]
    public async Task WriteAsync_ETagOfDeletedDocument_Throws()
    {
        var sut = OpenStorage();
        var etag = await CreateAsync(sut, "a", "1");
        await sut.DeleteAsync(["a"], Ct);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => sut.WriteAsync(Changes(("a", "2", etag)), Ct));

        Assert.Empty(await sut.ReadAsync(["a"], Ct));
    }

    [Fact]
    public async Task WriteAsync_LargeUnicodeDocument_RoundTrips()
    {
        var sut = OpenStorage();
        var json = "{\"text\":\"" + string.Concat(Enumerable.Repeat("¿Cómo estás? 🌱 ", 4_000)) + "\"}";

        var etag = await CreateAsync(sut, "msteams/conversations/a:1", json);

        Assert.Equal(new StoreItem(json, etag), (await sut.ReadAsync(["msteams/conversations/a:1"], Ct))["msteams/conversations/a:1"]);
    }

    [Fact]
    public async Task WriteAsync_TwoInstancesOnOneStore_SeeEachOtherAndCheckETags()
    {
        var first = OpenStorage();
        var second = OpenStorage();
        var original = await CreateAsync(first, "a", "1");

        var seen = (await second.ReadAsync(["a"], Ct))["a"];
        var updated = (await first.WriteAsync(Changes(("a", "2", original)), Ct))["a"];
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => second.WriteAsync(Changes(("a", "3", seen.ETag)), Ct));
        var reread = (await second.ReadAsync(["a"], Ct))["a"];
        var final = (await second.WriteAsync(Changes(("a", "3", reread.ETag)), Ct))["a"];

        Assert.Equal(new StoreItem("1", original), seen);
        Assert.Equal(new StoreItem("2", updated), reread);
        Assert.Equal(new StoreItem("3", final), (await first.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_DocumentRecreatedByAnotherInstance_OldETagFails()
    {
        var first = OpenStorage();
        var second = OpenStorage();
        var old = await CreateAsync(first, "a", "1");
        await second.DeleteAsync(["a"], Ct);
        var recreated = await CreateAsync(second, "a", "2");

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => first.WriteAsync(Changes(("a", "3", old)), Ct));

        Assert.Equal(new StoreItem("2", recreated), (await first.ReadAsync(["a"], Ct))["a"]);
    }

    [Fact]
    public async Task WriteAsync_FiftyConcurrentReadModifyWriters_LoseNoUpdate()
    {
        var stores = new[] { OpenStorage(), OpenStorage() };

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => IncrementAsync(stores[i % 2], "counter"), Ct)));

        var read = await stores[0].ReadAsync(["counter"], Ct);
        Assert.Equal("50", read["counter"].Json);
    }

    private static async Task<int> IncrementAsync(IStorage storage, string key)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            var read = await storage.ReadAsync([key], Ct);
            var (count, etag) = read.TryGetValue(key, out var item) ? (int.Parse(item.Json, CultureInfo.InvariantCulture), item.ETag) : (0, null);
            try
            {
                await storage.WriteAsync(Changes((key, (count + 1).ToString(CultureInfo.InvariantCulture), etag)), Ct);
                return conflicts;
            }
            catch (StorageConcurrencyException) when (conflicts < 10_000)
            {
                // Someone else committed first: read again and retry, as a turn would.
                continue;
            }
        }
    }

    private static async Task<string> CreateAsync(IStorage storage, string key, string json) =>
        (await storage.WriteAsync(Changes((key, json, null)), Ct))[key];

    private static Dictionary<string, StoreItem> Changes(params (string Key, string Json, string? ETag)[] changes) =>
        changes.ToDictionary(c => c.Key, c => new StoreItem(c.Json, c.ETag), StringComparer.Ordinal);
}
