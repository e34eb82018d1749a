using CompassionBot.Clinicians;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Safety.Alerts;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Dapper;

namespace CompassionBot.Tests.Storage.Relational;

/// <summary>
/// The clinician-alert outbox beyond an event's own alert, on SQLite and on PostgreSQL: outcome alerts, notifications,
/// the client's enrolment on an event, and alerts queued before migration 0015.
/// </summary>
public sealed class RelationalClinicianAlertsTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordOutcomeAsync_AfterTheAlertWasDelivered_QueuesOneAlertPerOutcomeUnderItsOwnKey(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        await sut.RecordAsync(Event("e1") with { EnrolmentId = "enr-1", Clinician = "dr-lee" }, Ct);
        Assert.True(await sut.MarkDeliveredAsync(Assert.Single(await sut.ClaimDueAsync(T0, Lease, 10, Ct)), T0, Ct));

        await sut.RecordOutcomeAsync("e1", CrisisOutcome.PersonSaidFalseAlarm, T0.AddMinutes(1), Ct);
        await sut.RecordOutcomeAsync("e1", CrisisOutcome.PersonSaidFalseAlarm, T0.AddMinutes(1), Ct); // the same turn again
        await sut.RecordOutcomeAsync("e1", CrisisOutcome.ClinicianClosed, T0.AddMinutes(5), Ct);
        await sut.RecordOutcomeAsync("unknown", CrisisOutcome.PersonSaidSafe, T0.AddMinutes(5), Ct);
        var alerts = await sut.ClaimDueAsync(T0.AddMinutes(5), Lease, 10, Ct);

        Assert.Equal(["e1:outcome:person-said-false-alarm", "e1:outcome:clinician-closed"], alerts.Select(a => a.AlertId));
        Assert.All(alerts, a => Assert.Equal(("e1", CrisisAlertKinds.Outcome, T0, RiskLevel.Crisis, "enr-1", "dr-lee"), (a.EventId, a.Kind, a.OccurredAt, a.Level, a.EnrolmentId, a.Clinician)));
        Assert.Equal([CrisisOutcome.PersonSaidFalseAlarm, CrisisOutcome.ClinicianClosed], alerts.Select(a => a.Outcome));
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(5)], alerts.Select(a => a.OutcomeAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimDueAsync_EventAlertStillQueued_CarriesTheOutcomeRecordedSince(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        await sut.RecordAsync(Event("e1"), Ct);

        await sut.RecordOutcomeAsync("e1", CrisisOutcome.PersonReachedHelp, T0.AddMinutes(1), Ct);
        var alerts = await sut.ClaimDueAsync(T0.AddMinutes(1), Lease, 10, Ct);

        var own = Assert.Single(alerts, a => a.Kind == CrisisAlertKinds.Event);
        Assert.Equal(("e1", CrisisOutcome.PersonReachedHelp, T0.AddMinutes(1)), (own.AlertId, own.Outcome, own.OutcomeAt));
        Assert.Equal("e1:outcome:person-reached-help", Assert.Single(alerts, a => a.Kind == CrisisAlertKinds.Outcome).AlertId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnqueueAsync_SameNotificationTwice_QueuesOneAlertWithItsFields(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        var notification = new ClinicianNotification("enr-1/slot:unanswered-checkins", "dr-lee", "enr-1", ClinicianNotification.UnansweredCheckIns, "twilio-sms", T0);

        Assert.True(await sut.EnqueueAsync(notification, Ct));
        Assert.False(await new RelationalCrisisEventStore(database.OpenDatabase()).EnqueueAsync(notification, Ct));
        var alert = Assert.Single(await sut.ClaimDueAsync(T0, Lease, 10, Ct));
        Assert.True(await sut.MarkDeliveredAsync(alert, T0, Ct));

        Assert.Equal(
            (notification.Id, ClinicianNotification.UnansweredCheckIns, T0, "twilio-sms", "enr-1", "dr-lee", true, 0),
            (alert.AlertId, alert.Kind, alert.OccurredAt, alert.ChannelId, alert.EnrolmentId, alert.Clinician, alert.IsNotification, alert.Attempts));
        Assert.Null(await sut.NextDueAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordAsync_LinkedEvent_KeepsTheEnrolmentAndClinician(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new RelationalCrisisEventStore(database.OpenDatabase());

        await sut.RecordAsync(Event("e1") with { EnrolmentId = "enr-1", Clinician = "dr-lee" }, Ct);

        var listed = Assert.Single(await sut.ListAsync("twilio-sms", "c1", Ct));
        Assert.Equal(("enr-1", "dr-lee"), (listed.EnrolmentId, listed.Clinician));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migration0015_AlertsQueuedBefore_KeepTheirKeysAttemptsAndDelivery(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var before = database.OpenDatabaseUpTo(14);
        await using (var connection = await before.OpenConnectionAsync(Ct))
        {
            foreach (var (id, attempts, delivered) in new[] { ("pending", 2L, (long?)null), ("done", 1L, T0.ToUnixTimeMilliseconds()) })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO crisis_events (id, occurred_at, channel_id, conversation_id, level, rules, region) VALUES (@id, @at, 'webchat', 'c1', 'Crisis', '[]', 'US');",
                    new { id, at = T0.ToUnixTimeMilliseconds() });
                await connection.ExecuteAsync(
                    "INSERT INTO crisis_alert_outbox (event_id, created_at, attempts, next_attempt_at, delivered_at) VALUES (@id, @at, @attempts, @at, @delivered);",
                    new { id, at = T0.ToUnixTimeMilliseconds(), attempts, delivered });
            }
        }

        var sut = new RelationalCrisisEventStore(database.OpenDatabase());
        var alert = Assert.Single(await sut.ClaimDueAsync(T0.AddMinutes(1), Lease, 10, Ct));

        Assert.Equal(("pending", "pending", CrisisAlertKinds.Event, 2, T0, "c1"), (alert.AlertId, alert.EventId, alert.Kind, alert.Attempts, alert.OccurredAt, alert.ConversationId));
        Assert.True(await sut.MarkDeliveredAsync(alert, T0.AddMinutes(1), Ct));
        Assert.Null(await sut.NextDueAsync(Ct));
    }

    private static CrisisEvent Event(string id) => new(id, T0, "twilio-sms", "c1", RiskLevel.Crisis, ["suicide.explicit"], "US", null);
}
