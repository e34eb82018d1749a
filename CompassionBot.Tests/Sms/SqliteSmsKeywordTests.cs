using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class SqliteSmsKeywordTests(PostgresServer server) : SmsKeywordTests(server, "Sqlite");
