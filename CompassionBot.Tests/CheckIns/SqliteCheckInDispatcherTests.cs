using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.CheckIns;

public sealed class SqliteCheckInDispatcherTests(PostgresServer server) : CheckInDispatcherTests(server, "Sqlite");
