using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class SqliteTwilioWebhookFormTests(PostgresServer server) : TwilioWebhookFormTests(server, "Sqlite");
