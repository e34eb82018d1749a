using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

public sealed class PostgresClientRecordTests(PostgresServer server) : ClientRecordTests(server, "Postgres");
