using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians;

public sealed class SqliteEnrolmentStatusTests(PostgresServer server) : EnrolmentStatusTests(server, "Sqlite");
