using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

public sealed class PostgresClientLinkingTests(PostgresServer server) : ClientLinkingTests(server, "Postgres");
