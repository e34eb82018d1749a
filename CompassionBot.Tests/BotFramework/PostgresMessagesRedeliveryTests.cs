using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

public sealed class PostgresMessagesRedeliveryTests(PostgresServer server) : MessagesRedeliveryTests("Postgres", server)
{
    /// <summary>A retry that the load balancer sends to the other instance is answered from the first instance's turn.</summary>
    [Fact]
    public async Task Post_SameActivityOnTheOtherInstance_ReturnsTheFirstRepliesAndDoesNotRunTheTurnAgain()
    {
        await using var other = StartInstance();
        using var http = other.CreateClient();
        var person = new MessagesClient(Http, "elsewhere");
        await person.JoinAsync(Ct);
        var choice = person.Message("Self-Compassion Break");
        var first = MessagesClient.Texts(await person.ExpectRepliesAsync(choice, Ct));
        var committed = await ReadAsync(Sut, "emulator/conversations/elsewhere");

        var again = MessagesClient.Texts(await new MessagesClient(http, "elsewhere").ExpectRepliesAsync(choice, Ct));

        Assert.Equal(first, again);
        Assert.Equal(committed, await ReadAsync(other, "emulator/conversations/elsewhere"));
    }

    /// <summary>The first delivery and its retry reach the two instances at once: the conversation lock lets one turn run.</summary>
    [Fact]
    public async Task Post_SameActivityTwiceAtOnceOnTwoInstances_BothGetTheOneTurnsRepliesAndTheStateMovesOnOnce()
    {
        await using var other = StartInstance();
        using var http = other.CreateClient();

        await AssertConcurrentRepeatsRunOnceAsync(http);
    }
}
