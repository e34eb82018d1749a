using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians;

public sealed class SqliteClinicianEndpointsTests(PostgresServer server) : ClinicianEndpointsTests(server, "Sqlite");
