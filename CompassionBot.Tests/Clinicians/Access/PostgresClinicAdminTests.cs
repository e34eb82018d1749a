using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Access;

public sealed class PostgresClinicAdminTests(PostgresServer server) : ClinicAdminTests(server, "Postgres");
