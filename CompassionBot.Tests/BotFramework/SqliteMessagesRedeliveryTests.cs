using System.Text.Json.Nodes;
using CompassionBot.Dialogs.State;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

public sealed class SqliteMessagesRedeliveryTests(PostgresServer server) : MessagesRedeliveryTests("Sqlite", server)
{
    /// <summary>The record of a processed activity is in the SQLite file with the turn's state: a restart keeps it.</summary>
    [Fact]
    public async Task Post_SameActivityAfterARestart_ReturnsTheFirstRepliesAndDoesNotRunTheTurnAgain()
    {
        List<string> first;
        StoreItem committed;
        JsonObject choice;
        await using (var before = StartInstance())
        {
            using var http = before.CreateClient();
            var person = new MessagesClient(http, "restarted");
            await person.JoinAsync(Ct);
            choice = person.Message("Self-Compassion Break");
            first = [.. MessagesClient.Texts(await person.ExpectRepliesAsync(choice, Ct))];
            committed = await ReadAsync(before, "emulator/conversations/restarted");
        }

        await using var after = StartInstance();
        using var httpAfter = after.CreateClient();
        var again = MessagesClient.Texts(await new MessagesClient(httpAfter, "restarted").ExpectRepliesAsync(choice, Ct));

        Assert.Equal(first, again);
        Assert.Equal(committed, await ReadAsync(after, "emulator/conversations/restarted"));
    }
}
