using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

public sealed class PostgresClinicianInboxTests(PostgresServer server) : ClinicianInboxTests(server, "Postgres");
