using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class SqliteSmsContactStoreTests(PostgresServer server) : SmsContactStoreTests(server, "Sqlite");
