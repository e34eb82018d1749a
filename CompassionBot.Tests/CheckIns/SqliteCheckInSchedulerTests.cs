using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.CheckIns;

public sealed class SqliteCheckInSchedulerTests(PostgresServer server) : CheckInSchedulerTests(server, "Sqlite");
