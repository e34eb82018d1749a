using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

public sealed class SqliteAccessLogTests(PostgresServer server) : AccessLogTests(server, "Sqlite");
