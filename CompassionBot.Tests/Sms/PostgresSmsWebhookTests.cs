using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public sealed class PostgresSmsWebhookTests(PostgresServer server) : SmsWebhookTests(server, "Postgres");
