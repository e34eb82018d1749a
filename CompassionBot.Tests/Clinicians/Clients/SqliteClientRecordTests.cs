using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

public sealed class SqliteClientRecordTests(PostgresServer server) : ClientRecordTests(server, "Sqlite");
