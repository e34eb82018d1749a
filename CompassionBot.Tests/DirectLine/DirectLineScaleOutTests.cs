using System.Security.Cryptography;
using CompassionBot.Dialogs.Schema;
using CompassionBot.DirectLine;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.DirectLine;

/// <summary>
/// Two instances of the service behind one load balancer, sharing one PostgreSQL database: a client's requests land
/// on either, and its WebSocket stream delivers what the other produced, in order, with watermarks intact.
/// </summary>
public sealed class DirectLineScaleOutTests(PostgresServer server) : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private TemporaryPostgresDatabase? _database;

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task Stream_RepliesProducedOnOtherInstance_ArriveInOrderAndReconnectReplaysMissed()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database!.ConnectionString,
            ["DirectLine:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        await using var instanceA = new DirectLineAppFactory(Path.Combine(_data.Path, "a"), settings: settings);
        await using var instanceB = new DirectLineAppFactory(Path.Combine(_data.Path, "b"), settings: settings);
        using var httpA = instanceA.CreateLoopbackClient();
        using var httpB = instanceB.CreateLoopbackClient();
        var clientA = new DirectLineTestClient(httpA);
        var clientB = new DirectLineTestClient(httpB);
        Assert.IsType<PostgresDirectLineNotifier>(instanceA.Services.GetRequiredService<IDirectLineNotifier>());

        var (conversationId, token) = await clientA.StartAsync();
        using (var streamA = await DirectLineStreamClient.ConnectAsync(await clientA.StreamUrlAsync(conversationId, token, watermark: null)))
        {
            Assert.Equal([DirectLineTestBot.Welcome], (await ReceiveThroughAsync(streamA, 1)).Select(a => a.Text));
            await PostAsync(clientB, conversationId, token, "one", "two");

            var fromB = await ReceiveThroughAsync(streamA, 5);

            Assert.Equal(["one", "You said: one", "two", "You said: two"], fromB.Select(a => a.Text));
            Assert.Equal(Ids(conversationId, 2, 5), fromB.Select(a => a.Id));
        }

        await PostAsync(clientB, conversationId, token, "three");
        using var streamB = await DirectLineStreamClient.ConnectAsync(await clientB.StreamUrlAsync(conversationId, token, watermark: "5"));
        var replay = await streamB.ReceiveSetAsync();
        await PostAsync(clientA, conversationId, token, "four");
        var fromA = await ReceiveThroughAsync(streamB, 9);

        Assert.Equal(["three", "You said: three"], replay.Activities.Select(a => a.Text));
        Assert.Equal(Ids(conversationId, 6, 7), replay.Activities.Select(a => a.Id));
        Assert.Equal("7", replay.Watermark);
        Assert.Equal(["four", "You said: four"], fromA.Select(a => a.Text));
        Assert.Equal(Ids(conversationId, 8, 9), fromA.Select(a => a.Id));
    }

    private static IEnumerable<string> Ids(string conversationId, long from, long to)
    {
        for (var watermark = from; watermark <= to; watermark++)
        {
            yield return DirectLineIds.Activity(conversationId, watermark);
        }
    }

    private static async Task PostAsync(DirectLineTestClient client, string conversationId, string token, params string[] texts)
    {
        foreach (var text in texts)
        {
            using var response = await client.PostMessageAsync(conversationId, token, text, clientActivityId: $"client-{text}");
            response.EnsureSuccessStatusCode();
        }
    }

    // Stored activities from the stream up to the watermark, each set's watermark right after its last activity;
    // typing indicators (no watermark) may come between them.
    private static async Task<List<Activity>> ReceiveThroughAsync(DirectLineStreamClient stream, long watermark)
    {
        var activities = new List<Activity>();
        var last = 0L;
        while (last < watermark)
        {
            var set = await stream.ReceiveSetAsync();
            if (set.Watermark is null)
            {
                Assert.All(set.Activities, a => Assert.Equal(ActivityTypes.Typing, a.Type));
                continue;
            }

            activities.AddRange(set.Activities);
            last = long.Parse(set.Watermark, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(DirectLineIds.Activity(set.Activities[^1].Conversation!.Id!, last), set.Activities[^1].Id);
        }

        return activities;
    }
}
