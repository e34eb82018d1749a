using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class SqliteSmsOutboxTests(PostgresServer server) : SmsOutboxTests(server, "Sqlite");
