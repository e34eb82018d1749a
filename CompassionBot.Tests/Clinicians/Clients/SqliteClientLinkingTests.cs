using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

public sealed class SqliteClientLinkingTests(PostgresServer server) : ClientLinkingTests(server, "Sqlite");
