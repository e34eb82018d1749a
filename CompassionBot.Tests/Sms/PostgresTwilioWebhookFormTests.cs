using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class PostgresTwilioWebhookFormTests(PostgresServer server) : TwilioWebhookFormTests(server, "Postgres");
