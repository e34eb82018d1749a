using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.CheckIns;

public sealed class PostgresCheckInDispatcherTests(PostgresServer server) : CheckInDispatcherTests(server, "Postgres");
