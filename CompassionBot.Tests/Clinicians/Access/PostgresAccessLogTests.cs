using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

public sealed class PostgresAccessLogTests(PostgresServer server) : AccessLogTests(server, "Postgres");
