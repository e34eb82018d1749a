using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Dialogs.Turns;

/// <summary>
/// A turn whose conversation state another writer changed meanwhile (another instance on the same database): the
/// store's ETag check refuses the commit and the turn runs again on fresh state.
/// </summary>
public sealed class StateConflictTests
{
    private const int TurnConflictEvent = 1001;
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConversationWrittenElsewhereDuringTheTurn_TurnRunsAgainAndRepliesOnce()
    {
        var (storage, logs, factory) = Start();
        await using var _ = factory;
        var sut = new TestConversation(factory.Services, "test", "en-US");
        await sut.SendAsync("menu", Ct);
        storage.Interferences = 1;

        var replies = await sut.SendAsync("Self-Compassion Break", Ct);
        var next = await sut.SendAsync("6", Ct);

        Assert.Equal(0, storage.Interferences);
        Assert.Single(logs.Entries, e => e.EventId.Id == TurnConflictEvent);
        Assert.Collection(
            replies,
            r => Assert.StartsWith("Let's begin: Self-Compassion Break", r.Text, StringComparison.Ordinal),
            r => Assert.StartsWith("Before we start", r.Text, StringComparison.Ordinal));
        Assert.StartsWith("Bring to mind something", Assert.Single(next).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictOnEveryAttempt_GivesUpAfterMaxAttemptsWithTheApology()
    {
        var (storage, logs, factory) = Start();
        await using var _ = factory;
        var sut = new TestConversation(factory.Services, "test", "en-US");
        await sut.SendAsync("menu", Ct);
        storage.Interferences = BotAdapter.MaxAttempts;

        var replies = await sut.SendAsync("Self-Compassion Break", Ct);

        Assert.Equal([Messages.Get("error.turn", "en")], replies.Select(r => r.Text));
        Assert.Equal(BotAdapter.MaxAttempts - 1, logs.Entries.Count(e => e.EventId.Id == TurnConflictEvent));
        Assert.Single(logs.Entries, e => e.EventId.Id == 1002 && e.Exception is StorageConcurrencyException);
    }

    private static (InterferingStorage Storage, CollectingLoggerProvider Logs, BotApplicationFactory Factory) Start()
    {
        var storage = new InterferingStorage(new MemoryStorage());
        var logs = new CollectingLoggerProvider();
        var factory = new BotApplicationFactory(null, services =>
        {
            services.AddSingleton<IStorage>(storage);
            services.AddSingleton<ILoggerProvider>(logs);
        });
        return (storage, logs, factory);
    }

    /// <summary>Before each of the next <see cref="Interferences"/> commits of conversation state, rewrites that document as another instance would.</summary>
    private sealed class InterferingStorage(IStorage inner) : IStorage
    {
        public int Interferences { get; set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            inner.ReadAsync(keys, cancellationToken);

        public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
        {
            var conversationKeys = changes.Keys.Where(k => k.Contains("/conversations/", StringComparison.Ordinal)).ToList();
            if (Interferences > 0 && conversationKeys.Count > 0)
            {
                Interferences--;
                var current = await inner.ReadAsync(conversationKeys, cancellationToken);
                await inner.WriteAsync(current.ToDictionary(p => p.Key, p => new StoreItem(p.Value.Json, StoreItem.AnyETag)), cancellationToken);
            }

            return await inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
    }
}
