using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.CheckIns;

public sealed class PostgresCheckInStoreTests(PostgresServer server) : CheckInStoreTests(server, "Postgres");
