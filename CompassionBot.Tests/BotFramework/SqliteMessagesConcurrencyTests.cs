using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

public sealed class SqliteMessagesConcurrencyTests(PostgresServer server) : MessagesConcurrencyTests("Sqlite", server)
{
    /// <summary>
    /// A second process on the same SQLite file, each with its state cache: every turn the other process took leaves
    /// this one's cached documents stale. The ETag check at commit catches it, the turn runs again on the stored
    /// state, and the conversation goes on exactly as it would on one process, with every reply said once.
    /// </summary>
    [Fact]
    public async Task Post_MessagesAlternatingBetweenTwoProcessesOnOneFile_GoOnAsOnOneProcess()
    {
        await using var second = StartInstance();
        using var http = second.CreateClient();

        await AssertAlternatingTurnsEndInSequentialStateAsync(http, messages: 24);
    }
}
