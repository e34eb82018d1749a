using CompassionBot.Tests.Support;
using Npgsql;

namespace CompassionBot.Tests.CheckIns;

public sealed class PostgresCheckInStoreTests(PostgresServer server) : CheckInStoreTests(server, "Postgres")
{
    /// <summary>
    /// A slot claim on another instance holds the enrolment row and then updates the previous send; a reply arriving
    /// in between must wait for the enrolment first, not take the send row and deadlock with the claim.
    /// </summary>
    [Fact]
    public async Task TryMarkAnsweredAsync_WhileAClaimHoldsTheEnrolment_WaitsInsteadOfDeadlocking()
    {
        var ct = TestContext.Current.CancellationToken;
        var enrolment = await EnrolAsync();
        var sender = NewStore();
        var claim = await sender.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, ct);
        await sender.BeginSendAsync(claim, Lease, ct);
        await sender.CompleteAsync(claim, enrolment.Id, "sent", "SMsent", ct);
        var connectionString = Database.Settings["ConnectionStrings:Postgres"]!;
        await using var claimer = new NpgsqlConnection(connectionString);
        await claimer.OpenAsync(ct);
        await using var transaction = await claimer.BeginTransactionAsync(ct);
        await Execute(claimer, transaction, "SELECT id FROM checkin_enrolments WHERE id = @id FOR UPDATE", enrolment.Id);

        var reply = Task.Run(() => NewStore().TryMarkAnsweredAsync(SmsTestHost.Client, ct), ct);
        await WaitUntilSomeoneWaitsForALockAsync(connectionString);
        var streakCounted = await Execute(
            claimer, transaction, "UPDATE checkin_sends SET streak_counted = 1 WHERE enrolment_id = @id AND status = 'sent' AND answered_at IS NULL AND streak_counted = 0", enrolment.Id);
        await transaction.CommitAsync(ct);

        Assert.Equal(1, streakCounted);
        Assert.True(await reply.WaitAsync(TimeSpan.FromSeconds(30), ct));
    }

    private static async Task<int> Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string id)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 10 };
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task WaitUntilSomeoneWaitsForALockAsync(string connectionString)
    {
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync(TestContext.Current.CancellationToken);
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
            if ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0)
            {
                return;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The reply never waited for the claim's lock.");
    }
}
