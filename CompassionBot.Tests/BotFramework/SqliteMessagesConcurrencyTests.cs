using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.BotFramework;

public sealed class SqliteMessagesConcurrencyTests(PostgresServer server) : MessagesConcurrencyTests("Sqlite", server);
