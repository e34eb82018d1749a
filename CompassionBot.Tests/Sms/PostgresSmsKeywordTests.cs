using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class PostgresSmsKeywordTests(PostgresServer server) : SmsKeywordTests(server, "Postgres");
