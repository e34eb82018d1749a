using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

public sealed class SqliteClinicianInboxTests(PostgresServer server) : ClinicianInboxTests(server, "Sqlite");
