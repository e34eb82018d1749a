using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

public sealed class SqliteClinicAdminTests(PostgresServer server) : ClinicAdminTests(server, "Sqlite");
