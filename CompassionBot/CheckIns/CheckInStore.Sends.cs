using CompassionBot.Sms;
using CompassionBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CompassionBot.CheckIns;

internal sealed partial class CheckInStore
{
    /// <summary>The idempotency key of a slot: one send row per enrolment and scheduled instant.</summary>
    public static string SlotKey(string enrolmentId, DateTimeOffset slot) => $"{enrolmentId}/{SmsSqlite.Format(slot)}";

    /// <summary>The idempotency key of the enrolment confirmation text.</summary>
    public static string ConfirmationKey(string enrolmentId) => $"{enrolmentId}/confirmation";

    /// <summary>
    /// Claims a slot in one write transaction. A new slot first settles the unanswered streak (the previous check-in
    /// had no reply) and the lowered frequency, then is either claimed for sending or recorded as skipped. A slot
    /// claimed longer than <paramref name="claimTimeout"/> ago and never marked sent (the sender crashed) is claimed
    /// again.
    /// </summary>
    public async Task<ClaimOutcome> ClaimSlotAsync(
        CheckInEnrolment enrolment, DateTimeOffset slot, DateTimeOffset due, TimeSpan claimTimeout, int unansweredLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return InWriteTransaction(connection, () =>
        {
            var key = SlotKey(enrolment.Id, slot);
            if (Existing(connection, key) is { } existing)
            {
                return Reclaim(connection, key, existing, claimTimeout);
            }

            var (streak, everyNth, toSkip) = ReadCounters(connection, enrolment.Id);
            streak += connection.Execute(
                "UPDATE checkin_sends SET streak_counted = 1 WHERE enrolment_id = $id AND status = 'sent' AND answered_at IS NULL AND streak_counted = 0",
                ("$id", enrolment.Id));
            var outcome = ClaimOutcome.Send;
            if (streak >= unansweredLimit)
            {
                (streak, everyNth, outcome) = (0, Math.Min(everyNth * 2, 4), ClaimOutcome.SkipAndLowerFrequency);
                toSkip = everyNth - 2;
            }
            else if (toSkip > 0)
            {
                (toSkip, outcome) = (toSkip - 1, ClaimOutcome.Skip);
            }

            connection.Execute(
                "INSERT INTO checkin_sends (idempotency_key, enrolment_id, slot_at, due_at, status, claimed_at) VALUES ($key, $id, $slot, $due, $status, $now)",
                ("$key", key), ("$id", enrolment.Id), ("$slot", SmsSqlite.Format(slot)), ("$due", SmsSqlite.Format(due)),
                ("$status", outcome == ClaimOutcome.Send ? "claimed" : "skipped"), ("$now", Now()));
            connection.Execute(
                "UPDATE checkin_enrolments SET unanswered_streak = $streak, every_nth_slot = $nth, slots_to_skip = $skip, updated_at = $now WHERE id = $id",
                ("$id", enrolment.Id), ("$streak", streak), ("$nth", everyNth), ("$skip", toSkip), ("$now", Now()));
            return outcome;
        });
    }

    /// <summary>Claims the enrolment confirmation text (same rules as a slot, without streaks).</summary>
    public async Task<ClaimOutcome> ClaimConfirmationAsync(string enrolmentId, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return InWriteTransaction(connection, () =>
        {
            var key = ConfirmationKey(enrolmentId);
            if (Existing(connection, key) is { } existing)
            {
                return Reclaim(connection, key, existing, claimTimeout);
            }

            connection.Execute(
                "INSERT INTO checkin_sends (idempotency_key, enrolment_id, slot_at, due_at, status, claimed_at) VALUES ($key, $id, $now, $now, 'claimed', $now)",
                ("$key", key), ("$id", enrolmentId), ("$now", Now()));
            return ClaimOutcome.Send;
        });
    }

    /// <summary>Records the outcome of a claimed send: <c>sent</c> (a check-in), <c>confirmation</c>, <c>skipped</c> or <c>failed</c>.</summary>
    public async Task CompleteAsync(string key, string enrolmentId, string status, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        InWriteTransaction(connection, () =>
        {
            connection.Execute(
                "UPDATE checkin_sends SET status = $status, sent_at = $now WHERE idempotency_key = $key",
                ("$key", key), ("$status", status), ("$now", Now()));
            if (status == "sent")
            {
                connection.Execute(
                    "UPDATE checkin_enrolments SET slots_to_skip = every_nth_slot - 1, updated_at = $now WHERE id = $id",
                    ("$id", enrolmentId), ("$now", Now()));
            }
            else if (status == "confirmation")
            {
                connection.Execute("UPDATE checkin_enrolments SET confirmed_at = $now WHERE id = $id", ("$id", enrolmentId), ("$now", Now()));
            }

            return 0;
        });
    }

    /// <summary>Send rows of an enrolment as (key, status), oldest slot first (for tests and audits).</summary>
    public async Task<IReadOnlyList<(string Key, string Status)>> SendsAsync(string enrolmentId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT idempotency_key, status FROM checkin_sends WHERE enrolment_id = $id ORDER BY slot_at, claimed_at", ("$id", enrolmentId));
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private ClaimOutcome Reclaim(SqliteConnection connection, string key, (string Status, string ClaimedAt) existing, TimeSpan claimTimeout)
    {
        var stale = existing.Status == "claimed" && timeProvider.GetUtcNow() - SmsSqlite.Parse(existing.ClaimedAt) >= claimTimeout;
        return stale && connection.Execute(
            "UPDATE checkin_sends SET claimed_at = $now WHERE idempotency_key = $key AND status = 'claimed' AND claimed_at = $old",
            ("$key", key), ("$old", existing.ClaimedAt), ("$now", Now())) > 0
            ? ClaimOutcome.Send
            : ClaimOutcome.AlreadyHandled;
    }

    private static (string Status, string ClaimedAt)? Existing(SqliteConnection connection, string key)
    {
        using var command = connection.Command("SELECT status, claimed_at FROM checkin_sends WHERE idempotency_key = $key", ("$key", key));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static (int Streak, int EveryNth, int ToSkip) ReadCounters(SqliteConnection connection, string enrolmentId)
    {
        using var command = connection.Command("SELECT unanswered_streak, every_nth_slot, slots_to_skip FROM checkin_enrolments WHERE id = $id", ("$id", enrolmentId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)) : (0, 1, 0);
    }

    private static T InWriteTransaction<T>(SqliteConnection connection, Func<T> work)
    {
        SqliteConnectionExtensions.Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            var result = work();
            SqliteConnectionExtensions.Execute(connection, "COMMIT;");
            return result;
        }
        catch
        {
            connection.RollbackIfActive();
            throw;
        }
    }
}
