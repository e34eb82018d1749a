using System.Data.Common;
using System.Security.Cryptography;
using CompassionBot.Storage.Relational;

namespace CompassionBot.Sms;

/// <summary>
/// SMS contacts in the clinic database (SQLite or PostgreSQL): the pseudonymous contact id of each number, opt-in
/// records, opt-outs, the one notice to a number without an opt-in, and the inbound <c>MessageSid</c>s already
/// processed. Safe with several instances on one database: every write is one statement or one transaction, and the
/// inbound record is a primary-key insert.
/// </summary>
internal sealed class SmsContactStore(IRelationalDatabase database, TimeProvider timeProvider)
{
    /// <summary>The number's contact id, created on first use (random, so it reveals nothing about the number).</summary>
    public async Task<string> ContactIdAsync(string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            return await EnsureContactAsync(connection, null, phone, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The number behind <paramref name="contactId"/>, or null.</summary>
    public async Task<string?> PhoneAsync(string contactId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.Command("SELECT phone FROM sms_contacts WHERE contact_id = @id", ("@id", contactId))
                .ScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    /// <summary>Consent and opt-out state of <paramref name="phone"/>.</summary>
    public async Task<SmsContactStatus> StatusAsync(string phone, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            var id = await EnsureContactAsync(connection, null, phone, cancellationToken).ConfigureAwait(false);
            var row = await connection.Command(
                    "SELECT c.opted_out_at, (SELECT COUNT(*) FROM sms_consents s WHERE s.phone = c.phone) FROM sms_contacts c WHERE c.phone = @phone",
                    ("@phone", phone))
                .ListAsync(r => (OptedOut: !r.IsDBNull(0), Consents: r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
            return new SmsContactStatus(id, row[0].Consents > 0, row[0].OptedOut);
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
                await transaction.Command(
                        "INSERT INTO sms_consents (phone, recorded_by, consented_at, method, disclosure, recorded_at) VALUES (@phone, @by, @at, @method, @disclosure, @now)",
                        ("@phone", consent.Phone), ("@by", consent.RecordedBy), ("@at", SmsTimestamps.Format(consent.ConsentedAt)),
                        ("@method", consent.Method), ("@disclosure", consent.Disclosure), ("@now", Now()))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
                await transaction.Command("UPDATE sms_contacts SET opted_out_at = NULL, opt_out_source = NULL WHERE phone = @phone", ("@phone", consent.Phone))
                    .RunAsync(cancellationToken).ConfigureAwait(false);
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
            return await connection.Command(
                    "UPDATE sms_contacts SET opted_out_at = @now, opt_out_source = @source WHERE phone = @phone AND opted_out_at IS NULL",
                    ("@phone", phone), ("@now", Now()), ("@source", source))
                .RunAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>Lifts an opt-out (START); returns false when the number was not opted out.</summary>
    public async Task<bool> OptInAsync(string phone, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            return await connection.Command(
                    "UPDATE sms_contacts SET opted_out_at = NULL, opt_out_source = NULL WHERE phone = @phone AND opted_out_at IS NOT NULL",
                    ("@phone", phone))
                .RunAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

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
            return await connection.Command(
                    "UPDATE sms_contacts SET notice_sent_at = @now WHERE phone = @phone AND notice_sent_at IS NULL",
                    ("@phone", phone), ("@now", Now()))
                .RunAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>Gives back a claim of <see cref="TryClaimNoticeAsync"/> whose notice Twilio did not take, so a later message gets it.</summary>
    public async Task ReleaseNoticeAsync(string phone, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await connection.Command("UPDATE sms_contacts SET notice_sent_at = NULL WHERE phone = @phone", ("@phone", phone))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records <paramref name="messageSid"/>; false when it was seen before (a duplicate delivery). Two instances
    /// receiving the same delivery at once cannot both get true: the second insert waits for the first and conflicts.
    /// </summary>
    public async Task<bool> TryRecordInboundAsync(string messageSid, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            return await connection.Command(
                    "INSERT INTO sms_inbound (message_sid, received_at) VALUES (@sid, @now) ON CONFLICT (message_sid) DO NOTHING",
                    ("@sid", messageSid), ("@now", Now()))
                .RunAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>
    /// Forgets an inbound message recorded by <see cref="TryRecordInboundAsync"/> whose handling failed before it
    /// reached a turn, so Twilio's retry of it is handled instead of dropped as a duplicate.
    /// </summary>
    public async Task ForgetInboundAsync(string messageSid, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var connection = write.Connection;
            await connection.Command("DELETE FROM sms_inbound WHERE message_sid = @sid", ("@sid", messageSid))
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> EnsureContactAsync(DbConnection connection, DbTransaction? transaction, string phone, CancellationToken cancellationToken)
    {
        var id = "sms-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await Command(
                connection,
                transaction,
                "INSERT INTO sms_contacts (phone, contact_id, created_at) VALUES (@phone, @id, @now) ON CONFLICT (phone) DO NOTHING",
                ("@phone", phone), ("@id", id), ("@now", Now()))
            .RunAsync(cancellationToken).ConfigureAwait(false);
        return (string)(await Command(connection, transaction, "SELECT contact_id FROM sms_contacts WHERE phone = @phone", ("@phone", phone))
            .ScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        transaction is null ? connection.Command(sql, parameters) : transaction.Command(sql, parameters);

    private string Now() => SmsTimestamps.Format(timeProvider.GetUtcNow());
}
