using System.Data.Common;
using System.Security.Cryptography;
using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.Sms;

/// <summary>
/// SMS contacts in the clinic database (SQLite or PostgreSQL): the pseudonymous contact id of each number, opt-in
/// records, opt-outs, the one notice to a number without an opt-in, and the inbound <c>MessageSid</c>s already
/// processed. Safe with several instances on one database: every write is one statement or one transaction, and the
/// inbound record is a primary-key insert.
/// </summary>
internal sealed class SmsContactStore(IRelationalDatabase database, TimeProvider timeProvider, ILogger<SmsContactStore> logger)
{
    private const string StatusSql =
        "SELECT c.contact_id, c.opted_out_at, (SELECT COUNT(*) FROM sms_consents s WHERE s.phone = c.phone) AS consents FROM sms_contacts c WHERE c.phone = @phone";

    /// <summary>The number's contact id, created on first use (random, so it reveals nothing about the number).</summary>
    public async Task<string> ContactIdAsync(string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            return await EnsureContactAsync(write.Connection, null, phone, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The number behind <paramref name="contactId"/>, or null.</summary>
    public async Task<string?> PhoneAsync(string contactId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT phone FROM sms_contacts WHERE contact_id = @contactId", new { contactId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Consent and opt-out state of <paramref name="phone"/>. When the database takes no writes (disk full) the state
    /// is read as it stands, and a number never seen before is a contact of this message only (no opt-in, not opted
    /// out), so that its text is still answered as carrier rules allow: a crisis text gets its referral.
    /// </summary>
    public async Task<SmsContactStatus> StatusAsync(string phone, CancellationToken cancellationToken)
    {
        try
        {
            return await RecordedStatusAsync(phone, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            var known = await FindStatusAsync(phone, cancellationToken).ConfigureAwait(false);
            var status = known ?? new SmsContactStatus(NewContactId(), HasConsent: false, OptedOut: false);
            Log.ContactNotRecorded(logger, status.ContactId, known is not null, exception);
            return status;
        }
    }

    private async Task<SmsContactStatus?> FindStatusAsync(string phone, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(new CommandDefinition(
                StatusSql, new { phone }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row is null ? null : new SmsContactStatus(row.ContactId, row.Consents > 0, row.OptedOutAt is not null);
        }
    }

    private async Task<SmsContactStatus> RecordedStatusAsync(string phone, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await EnsureContactAsync(connection, null, phone, cancellationToken).ConfigureAwait(false);
            var row = await connection.QuerySingleAsync<StatusRow>(new CommandDefinition(StatusSql, new { phone }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new SmsContactStatus(row.ContactId, row.Consents > 0, row.OptedOutAt is not null);
        }
    }

    /// <summary>Records an opt-in; a new opt-in also lifts an earlier opt-out.</summary>
    public async Task RecordConsentAsync(SmsConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await EnsureContactAsync(connection, transaction, consent.Phone, cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO sms_consents (phone, recorded_by, consented_at, method, disclosure, recorded_at) VALUES (@phone, @by, @at, @method, @disclosure, @now)",
                    new
                    {
                        phone = consent.Phone,
                        by = consent.RecordedBy,
                        at = SmsTimestamps.Format(consent.ConsentedAt),
                        method = consent.Method,
                        disclosure = consent.Disclosure,
                        now = Now(),
                    },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE sms_contacts SET opted_out_at = NULL, opt_out_source = NULL WHERE phone = @phone", new { phone = consent.Phone }, transaction, cancellationToken: cancellationToken))
                    .ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opts the number out now; returns false when it already was.</summary>
    public async Task<bool> OptOutAsync(string phone, string source, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await EnsureContactAsync(connection, null, phone, cancellationToken).ConfigureAwait(false);
            return await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sms_contacts SET opted_out_at = @now, opt_out_source = @source WHERE phone = @phone AND opted_out_at IS NULL",
                new { phone, now = Now(), source },
                cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>Lifts an opt-out (START); returns false when the number was not opted out.</summary>
    public Task<bool> OptInAsync(string phone, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE sms_contacts SET opted_out_at = NULL, opt_out_source = NULL WHERE phone = @phone AND opted_out_at IS NOT NULL", new { phone }, cancellationToken);

    /// <summary>
    /// Claims the one notice to a number without an opt-in (migration 0017); false when it was claimed before. One
    /// statement, so two instances answering the same number at once cannot both get true.
    /// </summary>
    public async Task<bool> TryClaimNoticeAsync(string phone, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await EnsureContactAsync(connection, null, phone, cancellationToken).ConfigureAwait(false);
            return await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sms_contacts SET notice_sent_at = @now WHERE phone = @phone AND notice_sent_at IS NULL",
                new { phone, now = Now() },
                cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>Gives back a claim of <see cref="TryClaimNoticeAsync"/> whose notice Twilio did not take, so a later message gets it.</summary>
    public Task ReleaseNoticeAsync(string phone, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE sms_contacts SET notice_sent_at = NULL WHERE phone = @phone", new { phone }, cancellationToken);

    /// <summary>
    /// Records <paramref name="messageSid"/>; false when it was seen before (a duplicate delivery). Two instances
    /// receiving the same delivery at once cannot both get true: the second insert waits for the first and conflicts.
    /// </summary>
    public Task<bool> TryRecordInboundAsync(string messageSid, CancellationToken cancellationToken) =>
        UpdateAsync(
            "INSERT INTO sms_inbound (message_sid, received_at) VALUES (@messageSid, @now) ON CONFLICT (message_sid) DO NOTHING",
            new { messageSid, now = Now() },
            cancellationToken);

    /// <summary>
    /// Forgets an inbound message recorded by <see cref="TryRecordInboundAsync"/> whose handling failed before it
    /// reached a turn, so Twilio's retry of it is handled instead of dropped as a duplicate.
    /// </summary>
    public Task ForgetInboundAsync(string messageSid, CancellationToken cancellationToken) =>
        UpdateAsync("DELETE FROM sms_inbound WHERE message_sid = @messageSid", new { messageSid }, cancellationToken);

    // One statement on the write connection; true when it changed a row.
    private async Task<bool> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            return await write.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
    }

    private async Task<string> EnsureContactAsync(DbConnection connection, DbTransaction? transaction, string phone, CancellationToken cancellationToken)
    {
        var id = NewContactId();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sms_contacts (phone, contact_id, created_at) VALUES (@phone, @id, @now) ON CONFLICT (phone) DO NOTHING",
            new { phone, id, now = Now() },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT contact_id FROM sms_contacts WHERE phone = @phone", new { phone }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The contact row was not created.");
    }

    private static string NewContactId() => "sms-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private string Now() => SmsTimestamps.Format(timeProvider.GetUtcNow());

    private sealed record StatusRow
    {
        public required string ContactId { get; init; }

        public string? OptedOutAt { get; init; }

        public long Consents { get; init; }
    }
}
