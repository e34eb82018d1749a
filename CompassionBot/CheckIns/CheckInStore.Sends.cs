using System.Data.Common;
using CompassionBot.Sms;
using CompassionBot.Storage.Relational;

namespace CompassionBot.CheckIns;

/// <summary>
/// Send rows and their leases. A row moves <c>claimed</c> → <c>sending</c> → <c>sent</c> / <c>confirmation</c> /
/// <c>skipped</c> / <c>failed</c>, and every move after the claim is fenced by (<c>claimed_by</c>, <c>claimed_at</c>):
/// an instance that lost its claim cannot send or record anything.
/// </summary>
/// <remarks>
/// <para>
/// The point of no return is the move to <c>sending</c>, made just before Twilio is called. A <c>claimed</c> row whose
/// lease (<c>lease_until</c>) expired was never handed to Twilio, so another instance claims it again and sends. A
/// <c>sending</c> row whose lease expired belongs to an instance that died during or after the API call: Twilio's
/// Messages API has no idempotency key, so whether the text went out is unknown.
/// </para>
/// <para>
/// For a check-in nudge that row becomes <c>unconfirmed</c> and is never sent again (at most once): a duplicate
/// "how are you doing?" from a clinic is worse for a client than one missing nudge, which the next slot makes up
/// for, and an uncertain send is not counted as unanswered. The enrolment confirmation (program, frequency, HELP,
/// STOP) is sent again instead (at least once): no check-in may go out before the client has had that disclosure,
/// and a repeated disclosure does no harm.
/// </para>
/// </remarks>
internal sealed partial class CheckInStore
{
    /// <summary>The idempotency key of a slot: one send row per enrolment and scheduled instant.</summary>
    public static string SlotKey(string enrolmentId, DateTimeOffset slot) => $"{enrolmentId}/{SmsTimestamps.Format(slot)}";

    /// <summary>The idempotency key of the enrolment confirmation text.</summary>
    public static string ConfirmationKey(string enrolmentId) => $"{enrolmentId}/confirmation";

    /// <summary>
    /// Claims a slot in one write transaction that locks the enrolment row (skipping it when another instance holds
    /// it: that instance is deciding the same slot). A new slot first settles the unanswered streak (the previous
    /// check-in had no reply) and the lowered frequency, then is either claimed for sending (leased for
    /// <paramref name="lease"/>) or recorded as skipped. An existing row is claimed again only as the remarks say.
    /// </summary>
    public Task<CheckInClaim> ClaimSlotAsync(
        CheckInEnrolment enrolment, DateTimeOffset slot, DateTimeOffset due, TimeSpan lease, int unansweredLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var key = SlotKey(enrolment.Id, slot);
        return InWriteTransactionAsync(
            async transaction =>
            {
                if (await LockEnrolmentAsync(transaction, enrolment.Id, cancellationToken).ConfigureAwait(false) is not { } counters)
                {
                    return Handled(key);
                }

                if (await ExistingAsync(transaction, key, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return await ReclaimAsync(transaction, key, existing, lease, resendUncertain: false, cancellationToken).ConfigureAwait(false);
                }

                var (streak, everyNth, toSkip) = counters;
                streak += await transaction.Command(
                        "UPDATE checkin_sends SET streak_counted = 1 WHERE enrolment_id = @id AND status = 'sent' AND answered_at IS NULL AND streak_counted = 0",
                        ("@id", enrolment.Id))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
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

                var claim = await InsertAsync(transaction, key, enrolment.Id, slot, due, outcome == ClaimOutcome.Send ? "claimed" : "skipped", lease, cancellationToken).ConfigureAwait(false);
                await transaction.Command(
                        "UPDATE checkin_enrolments SET unanswered_streak = @streak, every_nth_slot = @nth, slots_to_skip = @skip, updated_at = @now WHERE id = @id",
                        ("@id", enrolment.Id), ("@streak", (long)streak), ("@nth", (long)everyNth), ("@skip", (long)toSkip), ("@now", Now()))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                return claim with { Outcome = outcome };
            },
            cancellationToken);
    }

    /// <summary>Claims the enrolment confirmation text (same locking as a slot, without streaks; sent again when uncertain).</summary>
    public Task<CheckInClaim> ClaimConfirmationAsync(string enrolmentId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = ConfirmationKey(enrolmentId);
        return InWriteTransactionAsync(
            async transaction =>
            {
                if (await LockEnrolmentAsync(transaction, enrolmentId, cancellationToken).ConfigureAwait(false) is null)
                {
                    return Handled(key);
                }

                if (await ExistingAsync(transaction, key, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return await ReclaimAsync(transaction, key, existing, lease, resendUncertain: true, cancellationToken).ConfigureAwait(false);
                }

                var now = timeProvider.GetUtcNow();
                return await InsertAsync(transaction, key, enrolmentId, now, now, "claimed", lease, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// The point of no return, just before the API call: moves this instance's claim to <c>sending</c> and renews its
    /// lease. False when the claim was lost (it expired and another instance claimed the row): send nothing.
    /// </summary>
    public async Task<bool> BeginSendAsync(CheckInClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            return await connection.Command(
                    "UPDATE checkin_sends SET status = 'sending', lease_until = @lease " +
                    "WHERE idempotency_key = @key AND status = 'claimed' AND claimed_by = @me AND claimed_at = @at",
                    ("@key", claim.Key), ("@me", InstanceId), ("@at", claim.ClaimedAt), ("@lease", SmsTimestamps.Format(timeProvider.GetUtcNow() + lease)))
                .RunAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>
    /// Records the outcome of this instance's send: <c>sent</c> (a check-in), <c>confirmation</c>, <c>skipped</c> or
    /// <c>failed</c>, with Twilio's message SID(s) when accepted. Recorded even if the row was meanwhile marked
    /// <c>unconfirmed</c> (the sender was slow, not dead): the truth replaces the doubt. False when the claim is not ours.
    /// </summary>
    public Task<bool> CompleteAsync(CheckInClaim claim, string enrolmentId, string status, string? messageSid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return InWriteTransactionAsync(
            async transaction =>
            {
                var updated = await transaction.Command(
                        "UPDATE checkin_sends SET status = @status, sent_at = @now, message_sid = @sid, lease_until = NULL " +
                        "WHERE idempotency_key = @key AND status IN ('sending', 'unconfirmed') AND claimed_by = @me AND claimed_at = @at",
                        ("@key", claim.Key), ("@me", InstanceId), ("@at", claim.ClaimedAt), ("@status", status), ("@sid", messageSid), ("@now", Now()))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                if (updated == 0)
                {
                    return false;
                }

                if (status == "sent")
                {
                    await transaction.Command(
                            "UPDATE checkin_enrolments SET slots_to_skip = every_nth_slot - 1, updated_at = @now WHERE id = @id",
                            ("@id", enrolmentId), ("@now", Now()))
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (status == "confirmation")
                {
                    await transaction.Command("UPDATE checkin_enrolments SET confirmed_at = @now WHERE id = @id", ("@id", enrolmentId), ("@now", Now()))
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Hands a send Twilio refused back to <c>claimed</c> (its lease still running), so it is tried again once the
    /// lease expires. Only for a definite refusal, never for an uncertain outcome.
    /// </summary>
    public async Task ReleaseAsync(CheckInClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await connection.Command(
                    "UPDATE checkin_sends SET status = 'claimed' WHERE idempotency_key = @key AND status = 'sending' AND claimed_by = @me AND claimed_at = @at",
                    ("@key", claim.Key), ("@me", InstanceId), ("@at", claim.ClaimedAt))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Send rows of an enrolment as (key, status), oldest slot first (for tests and audits).</summary>
    public async Task<IReadOnlyList<(string Key, string Status)>> SendsAsync(string enrolmentId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.Command("SELECT idempotency_key, status FROM checkin_sends WHERE enrolment_id = @id ORDER BY slot_at, claimed_at", ("@id", enrolmentId))
                .ListAsync(r => (r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        }
    }

    private static CheckInClaim Handled(string key) => new(ClaimOutcome.AlreadyHandled, key, null);

    private async Task<CheckInClaim> InsertAsync(
        DbTransaction transaction, string key, string enrolmentId, DateTimeOffset slot, DateTimeOffset due, string status, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        await transaction.Command(
                "INSERT INTO checkin_sends (idempotency_key, enrolment_id, slot_at, due_at, status, claimed_at, claimed_by, lease_until) " +
                "VALUES (@key, @id, @slot, @due, @status, @now, @me, @lease)",
                ("@key", key), ("@id", enrolmentId), ("@slot", SmsTimestamps.Format(slot)), ("@due", SmsTimestamps.Format(due)), ("@status", status),
                ("@now", now), ("@me", InstanceId), ("@lease", status == "claimed" ? SmsTimestamps.Format(timeProvider.GetUtcNow() + lease) : null))
            .RunAsync(cancellationToken).ConfigureAwait(false);
        return new CheckInClaim(ClaimOutcome.Send, key, now);
    }

    // Existing row: claimed again only when its lease has expired. Rows claimed before leases existed expire one lease after claimed_at.
    private async Task<CheckInClaim> ReclaimAsync(
        DbTransaction transaction, string key, SendRow existing, TimeSpan lease, bool resendUncertain, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var expires = existing.LeaseUntil is { } until ? SmsTimestamps.Parse(until) : SmsTimestamps.Parse(existing.ClaimedAt) + lease;
        if (expires > now || existing.Status is not ("claimed" or "sending"))
        {
            return Handled(key);
        }

        if (existing.Status == "sending" && !resendUncertain)
        {
            await transaction.Command(
                    "UPDATE checkin_sends SET status = 'unconfirmed' WHERE idempotency_key = @key AND status = 'sending' AND claimed_at = @old",
                    ("@key", key), ("@old", existing.ClaimedAt))
                .RunAsync(cancellationToken).ConfigureAwait(false);
            Log.SendUnconfirmed(logger, key);
            return Handled(key);
        }

        var claimedAt = Now();
        var taken = await transaction.Command(
                "UPDATE checkin_sends SET status = 'claimed', claimed_by = @me, claimed_at = @now, lease_until = @lease " +
                "WHERE idempotency_key = @key AND status = @status AND claimed_at = @old",
                ("@key", key), ("@status", existing.Status), ("@old", existing.ClaimedAt), ("@me", InstanceId), ("@now", claimedAt),
                ("@lease", SmsTimestamps.Format(now + lease)))
            .RunAsync(cancellationToken).ConfigureAwait(false);
        if (taken == 0)
        {
            return Handled(key);
        }

        Log.ClaimTakenOver(logger, key, existing.Status);
        return new CheckInClaim(ClaimOutcome.Send, key, claimedAt);
    }

    private async Task<(int Streak, int EveryNth, int ToSkip)?> LockEnrolmentAsync(DbTransaction transaction, string enrolmentId, CancellationToken cancellationToken)
    {
        var rows = await transaction.Command(
                "SELECT unanswered_streak, every_nth_slot, slots_to_skip FROM checkin_enrolments WHERE id = @id" + database.Dialect.LockRowsForClaim,
                ("@id", enrolmentId))
            .ListAsync(r => ((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<SendRow?> ExistingAsync(DbTransaction transaction, string key, CancellationToken cancellationToken)
    {
        var rows = await transaction.Command("SELECT status, claimed_at, lease_until FROM checkin_sends WHERE idempotency_key = @key", ("@key", key))
            .ListAsync(r => new SendRow(r.GetString(0), r.GetString(1), r.StringOrNull(2)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private sealed record SendRow(string Status, string ClaimedAt, string? LeaseUntil);
}
