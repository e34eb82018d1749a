using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.State;
using CompassionBot.Storage;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Dialogs.Turns;

/// <summary>
/// The real service on a store that refuses writes (as a full disk does) and reads as usual: what a turn may still say
/// when even the error handler's state cannot be saved, and what <c>/readyz</c> says. The same through a real full disk:
/// <c>DiskFullTests</c>.
/// </summary>
public sealed class StateWriteFailureTests
{
    private const int StateUnsavedEvent = 1005;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrisisMessage_WritesFail_ResponseCarriesTheReferralAndNothingElse()
    {
        var (storage, logs, factory) = Start();
        await using var _ = factory;
        using var http = factory.CreateClient();
        var person = new MessagesClient(http, "conversation-1");
        storage.Failing = true;

        var texts = MessagesClient.Texts(await person.SayAsync("I want to kill myself", Ct));

        var messages = factory.Services.GetRequiredService<MessageCatalog>();
        Assert.Equal([messages.Get("crisis.referral", "en"), messages.Get("referral.US", "en")], texts.Take(2));
        Assert.Equal(3, texts.Count);
        Assert.StartsWith("You can also reach your clinic", texts[2], StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == StateUnsavedEvent);
        Assert.Equal(LogLevel.Critical, logged.Level);
        Assert.Contains("conversation-1", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PracticeChoice_WritesFail_AnswersNothingRatherThanWhatWasNotSaved()
    {
        var (storage, _, factory) = Start();
        await using var __ = factory;
        using var http = factory.CreateClient();
        var person = new MessagesClient(http, "conversation-2");
        await person.SayAsync("menu", Ct);
        storage.Failing = true;

        var replies = await person.SayAsync("Self-Compassion Break", Ct);

        Assert.Empty(MessagesClient.Texts(replies));
    }

    [Fact]
    public async Task Readyz_WritesFailThenWork_503UntilAProbeWriteSucceeds()
    {
        var (storage, _, factory) = Start();
        await using var _ = factory;
        using var http = factory.CreateClient();
        await new MessagesClient(http, "conversation-3").SayAsync("menu", Ct);
        var (healthy, _) = await GetReadyAsync(http);
        storage.Failing = true;
        await new MessagesClient(http, "conversation-3").SayAsync("hello", Ct);

        var (failing, reason) = await GetReadyAsync(http);
        var stillFailing = await GetReadyAsync(http);
        storage.Failing = false;
        var (recovered, _) = await GetReadyAsync(http);
        var (afterwards, _) = await GetReadyAsync(http);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK], [healthy, failing, stillFailing.Status, recovered, afterwards]);
        Assert.Equal(StorageReadiness.WritesFailing, reason);

        // A probe writes only while writes fail: two refused, one taken, none before or after.
        Assert.Equal(3, storage.ProbeWrites);
    }

    private static async Task<(HttpStatusCode Status, string? Reason)> GetReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var storage = json.RootElement.GetProperty("checks").GetProperty("storage");
        return (response.StatusCode, storage.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }

    private static (WriteRefusingStorage Storage, CollectingLoggerProvider Logs, BotApplicationFactory Factory) Start()
    {
        var storage = new WriteRefusingStorage(new MemoryStorage());
        var logs = new CollectingLoggerProvider();
        var factory = new BotApplicationFactory(null, services =>
        {
            services.AddSingleton<IStorage>(storage);
            services.AddSingleton<ILoggerProvider>(logs);
        });
        return (storage, logs, factory);
    }

    /// <summary>Reads as usual; while <see cref="Failing"/>, refuses every write and delete as a full disk does.</summary>
    private sealed class WriteRefusingStorage(IStorage inner) : IStorage
    {
        private int _probeWrites;

        public bool Failing { get; set; }

        /// <summary>Writes of the readiness probe's document, refused or not.</summary>
        public int ProbeWrites => Volatile.Read(ref _probeWrites);

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
        {
            if (changes.ContainsKey(StorageWriteProbe.Key))
            {
                Interlocked.Increment(ref _probeWrites);
            }

            return Failing ? throw new IOException("database or disk is full") : inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            Failing ? throw new IOException("database or disk is full") : inner.DeleteAsync(keys, cancellationToken);
    }
}
