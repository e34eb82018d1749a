using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians;

public sealed class PostgresEnrolmentStatusTests(PostgresServer server) : EnrolmentStatusTests(server, "Postgres");
