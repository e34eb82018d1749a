using CompassionBot.Dialogs.State;
using CompassionBot.Storage.Postgres;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CompassionBot.Tests.Storage.Postgres;

/// <summary>The service configured with <c>Storage:Provider=Postgres</c>, through <c>/api/messages</c>.</summary>
public sealed class PostgresProviderTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    [Fact]
    public async Task Messages_PostgresProvider_MigratesAtStartAndKeepsConversationStateThere()
    {
        await using var factory = new BotApplicationFactory(Settings());
        var client = new MessagesClient(factory.CreateClient(), "pg-conversation");

        await client.JoinAsync(Ct);
        var replies = await client.SayAsync("self-compassion break", Ct);

        Assert.NotEmpty(replies);
        Assert.IsType<PostgresStorage>(factory.Services.GetRequiredService<IStorage>());
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM bot_state WHERE key LIKE '%/conversations/pg-conversation';", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Start_PostgresProviderWithoutConnectionString_ExitsNamingTheSetting()
    {
        var (exitCode, output) = await ServiceProcess.RunExpectingStartupFailureAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Postgres" }, cancellationToken: Ct);

        Assert.Equal(1, exitCode);
        Assert.Contains("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = Database.ConnectionString,
    };
}
