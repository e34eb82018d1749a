using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class PostgresSmsOutboxTests(PostgresServer server) : SmsOutboxTests(server, "Postgres");
