using System.Text.Json;
using CompassionBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Tests.Hosting;

/// <summary>The real executable on a SQLite file: state survives the process being killed.</summary>
public sealed class CompassionBotServiceTests
{
    [Fact]
    public async Task Message_AfterSigkillHalfwayThroughPractice_ContinuesAtTheSameStepWithTheRatingKept()
    {
        var ct = TestContext.Current.CancellationToken;
        using var file = new TemporarySqliteFile();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = file.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var conversationId = "durable-" + Guid.NewGuid().ToString("N");

        await using (var first = await ServiceProcess.StartAsync(environment, cancellationToken: ct))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            var person = new MessagesClient(http, conversationId);
            await person.JoinAsync(ct);
            await person.SayAsync("Self-Compassion Break", ct);
            var afterRating = MessagesClient.Texts(await person.SayAsync("6", ct));
            Assert.StartsWith("Bring to mind something", Assert.Single(afterRating), StringComparison.Ordinal);
            var afterStep = MessagesClient.Texts(await person.SayAsync("Next", ct));
            Assert.StartsWith("Now say to yourself", Assert.Single(afterStep), StringComparison.Ordinal);

            await first.KillAsync();
        }

        await using var second = await ServiceProcess.StartAsync(environment, cancellationToken: ct);
        using var client = new HttpClient { BaseAddress = second.BaseAddress };
        var again = new MessagesClient(client, conversationId);

        var next = MessagesClient.Texts(await again.SayAsync("Next", ct));
        Assert.StartsWith("Next: \"Difficulty is part of being human.\"", Assert.Single(next), StringComparison.Ordinal);
        Assert.StartsWith("If you like, rest a hand", Assert.Single(MessagesClient.Texts(await again.SayAsync("Next", ct))), StringComparison.Ordinal);
        await again.SayAsync("Next", ct);
        await again.SayAsync("I'm doing my best.", ct);
        await again.SayAsync("3", ct);
        var end = MessagesClient.Texts(await again.SayAsync("Helpful", ct));
        Assert.StartsWith("That's the end of the practice.", Assert.Single(end), StringComparison.Ordinal);
        await second.KillAsync();

        var session = Assert.Single(ReadProfile(file, "emulator/users/user-1").GetProperty("history").EnumerateArray());
        Assert.Equal("self-compassion-break", session.GetProperty("practiceId").GetString());
        Assert.Equal(6, session.GetProperty("distressBefore").GetInt32());
        Assert.Equal(3, session.GetProperty("distressAfter").GetInt32());
        Assert.Equal("Completed", session.GetProperty("outcome").GetString());
    }

    private static JsonElement ReadProfile(TemporarySqliteFile file, string key)
    {
        using var connection = new SqliteConnection(file.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        var json = Assert.IsType<string>(command.ExecuteScalar());
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Profile").Clone();
    }
}
