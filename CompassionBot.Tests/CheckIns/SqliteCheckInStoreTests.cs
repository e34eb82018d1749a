using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.CheckIns;

public sealed class SqliteCheckInStoreTests(PostgresServer server) : CheckInStoreTests(server, "Sqlite");
