using CompassionBot.Dialogs.Schema;
using CompassionBot.DirectLine;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>The Direct Line log on every provider, including several instances appending to one conversation.</summary>
public sealed class RelationalDirectLineStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(-5));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindConversationAsync_Created_ReturnsItAsStored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        await new RelationalDirectLineStore(database.OpenDatabase()).CreateConversationAsync(new DirectLineConversation("c1", "dl_user", Created, Started: false), Ct);
        var sut = new RelationalDirectLineStore(database.OpenDatabase());

        var found = await sut.FindConversationAsync("c1", Ct);
        var unknown = await sut.FindConversationAsync("c2", Ct);

        Assert.Equal(new DirectLineConversation("c1", "dl_user", Created, Started: false), found);
        Assert.Equal(Created.Offset, found!.CreatedAt.Offset);
        Assert.Null(unknown);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarkStartedAsync_FromTwoInstances_TrueOnlyForTheFirst(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalDirectLineStore(database.OpenDatabase());
        var other = new RelationalDirectLineStore(database.OpenDatabase());
        await sut.CreateConversationAsync(new DirectLineConversation("c1", null, Created, Started: false), Ct);

        var first = await sut.MarkStartedAsync("c1", Ct);
        var second = await other.MarkStartedAsync("c1", Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.True((await other.FindConversationAsync("c1", Ct))!.Started);
        Assert.Null((await other.FindConversationAsync("c1", Ct))!.UserId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_Batches_NumbersEachConversationFromOneWithIds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalDirectLineStore(database.OpenDatabase());
        await CreateAsync(sut, "c1", "c2");

        var first = await sut.AppendAsync("c1", [Message("a"), Message("b")], Ct);
        var other = await sut.AppendAsync("c2", [Message("x")], Ct);
        var second = await sut.AppendAsync("c1", [Message("c")], Ct);

        Assert.Equal([1L, 2L, 3L], first.Concat(second).Select(s => s.Watermark));
        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003"], first.Concat(second).Select(s => s.Activity.Id));
        Assert.Equal("c2|0000001", Assert.Single(other).Activity.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAsync_AfterWatermark_ReturnsLaterActivitiesOldestFirstUpToMax(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var writer = new RelationalDirectLineStore(database.OpenDatabase());
        await CreateAsync(writer, "c1");
        await writer.AppendAsync("c1", [Message("a"), Message("b"), Message("c"), Message("d") with { Locale = "es-ES" }], Ct);
        var sut = new RelationalDirectLineStore(database.OpenDatabase());

        var page = await sut.ReadAsync("c1", afterWatermark: 1, maxCount: 2, Ct);
        var rest = await sut.ReadAsync("c1", afterWatermark: 3, maxCount: 10, Ct);
        var none = await sut.ReadAsync("c1", afterWatermark: 4, maxCount: 10, Ct);

        Assert.Equal([(2L, "b"), (3L, "c")], page.Select(s => (s.Watermark, s.Activity.Text)));
        var last = Assert.Single(rest);
        Assert.Equal((4L, "d", "es-ES", "c1|0000004"), (last.Watermark, last.Activity.Text, last.Activity.Locale, last.Activity.Id));
        Assert.Empty(none);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_TwoInstancesInParallel_WatermarksOneToNWithoutGapsOrDuplicates(string provider)
    {
        const int AppendsPerInstance = 20;
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var first = new RelationalDirectLineStore(database.OpenDatabase());
        var second = new RelationalDirectLineStore(database.OpenDatabase());
        var reader = new RelationalDirectLineStore(database.OpenDatabase());
        await CreateAsync(first, "c1");

        // Each append is a batch of two, so an interleaving inside a batch would show as well as a shared number.
        var appending = Task.WhenAll(
            AppendManyAsync(first, "first", AppendsPerInstance),
            AppendManyAsync(second, "second", AppendsPerInstance));
        var seen = await ReadUntilAsync(reader, "c1", AppendsPerInstance * 4, appending);
        var results = await appending;

        var expected = Enumerable.Range(1, AppendsPerInstance * 4).Select(n => (long)n);
        Assert.Equal(expected, seen.Select(s => s.Watermark));
        Assert.Equal(expected, results.SelectMany(r => r).SelectMany(batch => batch).Select(s => s.Watermark).Order());
        Assert.All(results.SelectMany(r => r), batch => Assert.Equal(batch[0].Watermark + 1, batch[1].Watermark));
        Assert.All(seen, s => Assert.Equal(DirectLineIds.Activity("c1", s.Watermark), s.Activity.Id));
        Assert.Equal(AppendsPerInstance * 2, seen.Count(s => s.Activity.Text!.StartsWith("first", StringComparison.Ordinal)));
    }

    private static Activity Message(string text) => Activity.CreateMessage(text);

    private static async Task CreateAsync(RelationalDirectLineStore store, params string[] conversationIds)
    {
        foreach (var id in conversationIds)
        {
            await store.CreateConversationAsync(new DirectLineConversation(id, null, Created, Started: true), Ct);
        }
    }

    private static async Task<List<IReadOnlyList<StoredActivity>>> AppendManyAsync(RelationalDirectLineStore store, string name, int count)
    {
        await Task.Yield();
        var results = new List<IReadOnlyList<StoredActivity>>();
        for (var i = 0; i < count; i++)
        {
            results.Add(await store.AppendAsync("c1", [Message($"{name} {i} a"), Message($"{name} {i} b")], Ct));
        }

        return results;
    }

    // Reads like a stream does, from its own watermark while the appends run: a gap would be skipped for good.
    private static async Task<List<StoredActivity>> ReadUntilAsync(RelationalDirectLineStore store, string conversationId, int count, Task appending)
    {
        var seen = new List<StoredActivity>();
        while (seen.Count < count)
        {
            var done = appending.IsCompleted;
            var read = await store.ReadAsync(conversationId, seen.Count == 0 ? 0 : seen[^1].Watermark, 500, Ct);
            if (read.Count == 0 && done)
            {
                break;
            }

            seen.AddRange(read);
            await Task.Yield();
        }

        return seen;
    }
}
