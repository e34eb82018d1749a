using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.CheckIns;

public sealed class PostgresCheckInSchedulerTests(PostgresServer server) : CheckInSchedulerTests(server, "Postgres");
