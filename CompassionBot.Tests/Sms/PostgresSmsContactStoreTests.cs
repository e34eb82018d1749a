using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class PostgresSmsContactStoreTests(PostgresServer server) : SmsContactStoreTests(server, "Postgres");
