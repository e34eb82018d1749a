using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

public sealed class PostgresMessagesConcurrencyTests(PostgresServer server) : MessagesConcurrencyTests("Postgres", server)
{
    /// <summary>
    /// Two instances behind a load balancer with no affinity: the 50 messages alternate between them. The advisory
    /// lock makes them take turns, so the result is again exactly the state and replies of the 50 in sequence: no
    /// lost update and no reply said twice.
    /// </summary>
    [Fact]
    public async Task Post_50ConcurrentMessagesSplitOverTwoInstances_EndsInTheStateOfThe50InSequence()
    {
        await using var second = StartInstance();
        using var http = second.CreateClient();

        await AssertConcurrentTurnsEndInSequentialStateAsync(http);
    }
}
