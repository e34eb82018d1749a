using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Safety.Alerts;

public sealed class SqliteClinicianAlertTests(PostgresServer server) : ClinicianAlertTests(server, "Sqlite");
