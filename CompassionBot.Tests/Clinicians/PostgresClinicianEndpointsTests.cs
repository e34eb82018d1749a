using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians;

public sealed class PostgresClinicianEndpointsTests(PostgresServer server) : ClinicianEndpointsTests(server, "Postgres");
