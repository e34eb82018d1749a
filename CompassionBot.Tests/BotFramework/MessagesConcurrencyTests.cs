using System.Text.Json;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.BotFramework;

/// <summary>
/// Many requests at once through /api/messages with the real bot and a durable store (SQLite file, PostgreSQL
/// database), on one instance and, for PostgreSQL, on two instances sharing the database.
/// </summary>
public abstract class MessagesConcurrencyTests(string provider, PostgresServer server) : DurableBotHostTests(provider, server)
{
    private const int MessagesToOneConversation = 50;
    private const int Conversations = 500;


    /// <summary>Sends every second message through <paramref name="other"/> (null: all through this instance).</summary>
    private protected async Task AssertConcurrentTurnsEndInSequentialStateAsync(HttpClient? other)
    {
        var ct = TestContext.Current.CancellationToken;
        var sequential = new MessagesClient(Http, "sequential", userId: "user-sequential");
        var concurrent = new MessagesClient(Http, "concurrent", userId: "user-concurrent");
        var concurrentElsewhere = new MessagesClient(other ?? Http, "concurrent", userId: "user-concurrent");
        await sequential.JoinAsync(ct);
        await concurrent.JoinAsync(ct);

        var expected = new List<string>();
        for (var i = 0; i < MessagesToOneConversation; i++)
        {
            expected.AddRange(MessagesClient.Texts(await sequential.SayAsync("1", ct)));
        }

        var replies = await Task.WhenAll(Enumerable.Range(0, MessagesToOneConversation)
            .Select(i => Task.Run(() => (i % 2 == 0 ? concurrent : concurrentElsewhere).SayAsync("1", ct), ct)));
        var actual = replies.SelectMany(MessagesClient.Texts).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Equal(await ReadAsync("emulator/conversations/sequential"), await ReadAsync("emulator/conversations/concurrent"));
        var expectedProfile = await ReadAsync("emulator/users/user-sequential");
        Assert.Equal(expectedProfile, await ReadAsync("emulator/users/user-concurrent"));

        // The comparison only proves something if the 50 turns move the state on: they run several whole practices.
        using var profile = JsonDocument.Parse(expectedProfile);
        Assert.InRange(profile.RootElement.GetProperty("Profile").GetProperty("history").GetArrayLength(), 3, MessagesToOneConversation);
    }

    /// <summary>
    /// Sends the messages one after another, every second one through <paramref name="other"/>, and checks the
    /// replies and the stored state (read by a third instance, with nothing cached) against the same messages sent
    /// to this instance alone.
    /// </summary>
    private protected async Task AssertAlternatingTurnsEndInSequentialStateAsync(HttpClient other, int messages)
    {
        var ct = TestContext.Current.CancellationToken;
        var alone = new MessagesClient(Http, "alone", userId: "user-alone");
        var here = new MessagesClient(Http, "alternating", userId: "user-alternating");
        var there = new MessagesClient(other, "alternating", userId: "user-alternating");
        await alone.JoinAsync(ct);
        await here.JoinAsync(ct);

        var expected = new List<string>();
        var actual = new List<string>();
        for (var i = 0; i < messages; i++)
        {
            expected.AddRange(MessagesClient.Texts(await alone.SayAsync("1", ct)));
            actual.AddRange(MessagesClient.Texts(await (i % 2 == 0 ? there : here).SayAsync("1", ct)));
        }

        Assert.Equal(expected, actual);
        await using var fresh = StartInstance();
        var storage = fresh.Services.GetRequiredService<IStorage>();
        var stored = await storage.ReadAsync(["emulator/conversations/alone", "emulator/conversations/alternating", "emulator/users/user-alone", "emulator/users/user-alternating"], ct);
        Assert.Equal(stored["emulator/conversations/alone"].Json, stored["emulator/conversations/alternating"].Json);
        Assert.Equal(stored["emulator/users/user-alone"].Json, stored["emulator/users/user-alternating"].Json);
        using var profile = JsonDocument.Parse(stored["emulator/users/user-alone"].Json);
        Assert.InRange(profile.RootElement.GetProperty("Profile").GetProperty("history").GetArrayLength(), 1, messages);
    }

    /// <summary>
    /// Every message is the same text ("1": a menu choice, a rating, "Next", a free-text answer, ...), so however the
    /// 50 turns interleave, processing them one after another must end in exactly the state (dialog stack, profile
    /// history) and replies of the same 50 messages sent one by one. A lost update (two turns working on the same
    /// state) would end short of it: the state moves forward on every one of these turns.
    /// </summary>
    [Fact]
    public Task Post_50ConcurrentMessagesToOneConversation_EndsInTheStateOfThe50InSequence() =>
        AssertConcurrentTurnsEndInSequentialStateAsync(other: null);

    [Fact]
    public async Task Post_500ConversationsInParallel_AllSucceedWithTheirOwnReplies()
    {
        var ct = TestContext.Current.CancellationToken;
        var people = Enumerable.Range(0, Conversations).Select(i => new MessagesClient(Http, $"parallel-{i}", userId: $"user-{i}")).ToList();

        var results = await Task.WhenAll(people.Select(person => Task.Run(
            async () =>
            {
                var welcome = await person.JoinAsync(ct);
                var start = await person.SayAsync("Self-Compassion Break", ct);
                return (person, welcome, start);
            },
            ct)));

        Assert.All(results, r =>
        {
            Assert.Contains("988", MessagesClient.Texts(r.welcome)[0], StringComparison.Ordinal);
            Assert.StartsWith("Before we start: how much distress", MessagesClient.Texts(r.start)[^1], StringComparison.Ordinal);
            Assert.All(r.welcome.Concat(r.start), a => Assert.Equal(r.person.ConversationId, a.GetProperty("conversation").GetProperty("id").GetString()));
        });
        var stored = await Sut.Services.GetRequiredService<IStorage>().ReadAsync([.. people.Select(p => $"emulator/conversations/{p.ConversationId}")], ct);
        Assert.Equal(Conversations, stored.Count);
        Assert.All(stored.Values, s => Assert.Contains("PracticeDialog", s.Json, StringComparison.Ordinal));
    }

    private async Task<string> ReadAsync(string key)
    {
        var items = await Sut.Services.GetRequiredService<IStorage>().ReadAsync([key], TestContext.Current.CancellationToken);
        return items[key].Json;
    }
}
