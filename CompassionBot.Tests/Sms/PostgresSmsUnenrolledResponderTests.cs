using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class PostgresSmsUnenrolledResponderTests(PostgresServer server) : SmsUnenrolledResponderTests(server, "Postgres");
