using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Safety.Alerts;

public sealed class PostgresClinicianAlertTests(PostgresServer server) : ClinicianAlertTests(server, "Postgres");
