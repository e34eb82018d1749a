using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class SqliteSmsUnenrolledResponderTests(PostgresServer server) : SmsUnenrolledResponderTests(server, "Sqlite");
