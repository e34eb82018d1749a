using System.Data.Common;
using CompassionBot.Sms;
using Dapper;

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
            async (connection, transaction) =>
            {
                if (await LockEnrolmentAsync(connection, transaction, enrolment.Id, cancellationToken).ConfigureAwait(false) is not { } counters)
                {
                    return Handled(key);
                }

                if (await ExistingAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return await ReclaimAsync(connection, transaction, key, existing, lease, resendUncertain: false, cancellationToken).ConfigureAwait(false);
                }

                var streak = (int)counters.UnansweredStreak;
                var everyNth = (int)counters.EveryNthSlot;
                var toSkip = (int)counters.SlotsToSkip;
                streak += await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE checkin_sends SET streak_counted = 1 WHERE enrolment_id = @id AND status = 'sent' AND answered_at IS NULL AND streak_counted = 0",
                        new { id = enrolment.Id },
                        transaction,
                        cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
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

                var claim = await InsertAsync(connection, transaction, key, enrolment.Id, slot, due, outcome == ClaimOutcome.Send ? "claimed" : "skipped", lease, cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE checkin_enrolments SET unanswered_streak = @streak, every_nth_slot = @nth, slots_to_skip = @skip, updated_at = @now WHERE id = @id",
                        new { id = enrolment.Id, streak = (long)streak, nth = (long)everyNth, skip = (long)toSkip, now = Now() },
                        transaction,
                        cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                return claim with { Outcome = outcome };
            },
            cancellationToken);
    }

    /// <summary>Claims the enrolment confirmation text (same locking as a slot, without streaks; sent again when uncertain).</summary>
    public Task<CheckInClaim> ClaimConfirmationAsync(string enrolmentId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = ConfirmationKey(enrolmentId);
        return InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                if (await LockEnrolmentAsync(connection, transaction, enrolmentId, cancellationToken).ConfigureAwait(false) is null)
                {
                    return Handled(key);
                }

                if (await ExistingAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return await ReclaimAsync(connection, transaction, key, existing, lease, resendUncertain: true, cancellationToken).ConfigureAwait(false);
                }

                var now = timeProvider.GetUtcNow();
                return await InsertAsync(connection, transaction, key, enrolmentId, now, now, "claimed", lease, cancellationToken).ConfigureAwait(false);
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
        return await ExecuteAsync(
            "UPDATE checkin_sends SET status = 'sending', lease_until = @lease " +
            "WHERE idempotency_key = @key AND status = 'claimed' AND claimed_by = @me AND claimed_at = @at",
            new { key = claim.Key, me = InstanceId, at = claim.ClaimedAt, lease = SmsTimestamps.Format(timeProvider.GetUtcNow() + lease) },
            cancellationToken).ConfigureAwait(false) > 0;
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
            async (connection, transaction) =>
            {
                var updated = await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE checkin_sends SET status = @status, sent_at = @now, message_sid = @sid, lease_until = NULL " +
                        "WHERE idempotency_key = @key AND status IN ('sending', 'unconfirmed') AND claimed_by = @me AND claimed_at = @at",
                        new { key = claim.Key, me = InstanceId, at = claim.ClaimedAt, status, sid = messageSid, now = Now() },
                        transaction,
                        cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                if (updated == 0)
                {
                    return false;
                }

                var enrolment = status switch
                {
                    "sent" => "UPDATE checkin_enrolments SET slots_to_skip = every_nth_slot - 1, updated_at = @now WHERE id = @id",
                    "confirmation" => "UPDATE checkin_enrolments SET confirmed_at = @now WHERE id = @id",
                    _ => null,
                };
                if (enrolment is not null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(enrolment, new { id = enrolmentId, now = Now() }, transaction, cancellationToken: cancellationToken))
                        .ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Hands a send Twilio refused back to <c>claimed</c> (its lease still running), so it is tried again once the
    /// lease expires. Only for a definite refusal, never for an uncertain outcome.
    /// </summary>
    public Task ReleaseAsync(CheckInClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ExecuteAsync(
            "UPDATE checkin_sends SET status = 'claimed' WHERE idempotency_key = @key AND status = 'sending' AND claimed_by = @me AND claimed_at = @at",
            new { key = claim.Key, me = InstanceId, at = claim.ClaimedAt },
            cancellationToken);
    }

    /// <summary>Send rows of an enrolment as (key, status), oldest slot first (for tests and audits).</summary>
    public async Task<IReadOnlyList<(string Key, string Status)>> SendsAsync(string enrolmentId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<SendRow>(new CommandDefinition(
                "SELECT idempotency_key, status, claimed_at, lease_until FROM checkin_sends WHERE enrolment_id = @id ORDER BY slot_at, claimed_at",
                new { id = enrolmentId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => (r.IdempotencyKey, r.Status))];
        }
    }

    private static CheckInClaim Handled(string key) => new(ClaimOutcome.AlreadyHandled, key, null);

    private async Task<CheckInClaim> InsertAsync(
        DbConnection connection, DbTransaction transaction, string key, string enrolmentId, DateTimeOffset slot, DateTimeOffset due, string status, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var now = Now();
        await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO checkin_sends (idempotency_key, enrolment_id, slot_at, due_at, status, claimed_at, claimed_by, lease_until) " +
                "VALUES (@key, @id, @slot, @due, @status, @now, @me, @lease)",
                new
                {
                    key,
                    id = enrolmentId,
                    slot = SmsTimestamps.Format(slot),
                    due = SmsTimestamps.Format(due),
                    status,
                    now,
                    me = InstanceId,
                    lease = status == "claimed" ? SmsTimestamps.Format(timeProvider.GetUtcNow() + lease) : null,
                },
                transaction,
                cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return new CheckInClaim(ClaimOutcome.Send, key, now);
    }

    // Existing row: claimed again only when its lease has expired. Rows claimed before leases existed expire one lease after claimed_at.
    private async Task<CheckInClaim> ReclaimAsync(
        DbConnection connection, DbTransaction transaction, string key, SendRow existing, TimeSpan lease, bool resendUncertain, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var expires = existing.LeaseUntil is { } until ? SmsTimestamps.Parse(until) : SmsTimestamps.Parse(existing.ClaimedAt) + lease;
        if (expires > now || existing.Status is not ("claimed" or "sending"))
        {
            return Handled(key);
        }

        if (existing.Status == "sending" && !resendUncertain)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE checkin_sends SET status = 'unconfirmed' WHERE idempotency_key = @key AND status = 'sending' AND claimed_at = @old",
                    new { key, old = existing.ClaimedAt },
                    transaction,
                    cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            Log.SendUnconfirmed(logger, key);
            return Handled(key);
        }

        var claimedAt = Now();
        var taken = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE checkin_sends SET status = 'claimed', claimed_by = @me, claimed_at = @now, lease_until = @lease " +
                "WHERE idempotency_key = @key AND status = @status AND claimed_at = @old",
                new { key, status = existing.Status, old = existing.ClaimedAt, me = InstanceId, now = claimedAt, lease = SmsTimestamps.Format(now + lease) },
                transaction,
                cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (taken == 0)
        {
            return Handled(key);
        }

        Log.ClaimTakenOver(logger, key, existing.Status);
        return new CheckInClaim(ClaimOutcome.Send, key, claimedAt);
    }

    private async Task<EnrolmentCounters?> LockEnrolmentAsync(DbConnection connection, DbTransaction transaction, string enrolmentId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<EnrolmentCounters>(new CommandDefinition(
                "SELECT unanswered_streak, every_nth_slot, slots_to_skip FROM checkin_enrolments WHERE id = @id" + database.Dialect.LockRowsForClaim,
                new { id = enrolmentId },
                transaction,
                cancellationToken: cancellationToken))
            .ConfigureAwait(false);

    private static async Task<SendRow?> ExistingAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<SendRow>(new CommandDefinition(
                "SELECT idempotency_key, status, claimed_at, lease_until FROM checkin_sends WHERE idempotency_key = @key",
                new { key },
                transaction,
                cancellationToken: cancellationToken))
            .ConfigureAwait(false);

    private sealed record EnrolmentCounters
    {
        public long UnansweredStreak { get; init; }

        public long EveryNthSlot { get; init; }

        public long SlotsToSkip { get; init; }
    }

    private sealed record SendRow
    {
        public required string IdempotencyKey { get; init; }

        public required string Status { get; init; }

        public required string ClaimedAt { get; init; }

        public string? LeaseUntil { get; init; }
    }
}
