using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class SqliteSmsWebhookTests(PostgresServer server) : SmsWebhookTests(server, "Sqlite");
