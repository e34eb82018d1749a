using System.Security.Cryptography;
using CompassionBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Sms;

/// <summary>
/// SMS contacts on SQLite: the pseudonymous contact id of each number, opt-in records, opt-outs, and the inbound
/// <c>MessageSid</c>s already processed.
/// </summary>
internal sealed class SmsContactStore(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>The number's contact id, created on first use (random, so it reveals nothing about the number).</summary>
    public async Task<string> ContactIdAsync(string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return EnsureContact(connection, phone);
    }

    /// <summary>The number behind <paramref name="contactId"/>, or null.</summary>
    public async Task<string?> PhoneAsync(string contactId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection.Scalar("SELECT phone FROM sms_contacts WHERE contact_id = $id", ("$id", contactId)) as string;
    }

    /// <summary>Consent and opt-out state of <paramref name="phone"/>.</summary>
    public async Task<SmsContactStatus> StatusAsync(string phone, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var id = EnsureContact(connection, phone);
        var optedOut = connection.Scalar("SELECT opted_out_at FROM sms_contacts WHERE phone = $phone", ("$phone", phone)) is string;
        var consents = (long)(connection.Scalar("SELECT COUNT(*) FROM sms_consents WHERE phone = $phone", ("$phone", phone)) ?? 0L);
        return new SmsContactStatus(id, consents > 0, optedOut);
    }

    /// <summary>Records an opt-in; a new opt-in also lifts an earlier opt-out.</summary>
    public async Task RecordConsentAsync(SmsConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        EnsureContact(connection, consent.Phone);
        connection.Execute(
            "INSERT INTO sms_consents (phone, recorded_by, consented_at, method, disclosure, recorded_at) VALUES ($phone, $by, $at, $method, $disclosure, $now)",
            ("$phone", consent.Phone), ("$by", consent.RecordedBy), ("$at", SmsSqlite.Format(consent.ConsentedAt)),
            ("$method", consent.Method), ("$disclosure", consent.Disclosure), ("$now", SmsSqlite.Format(timeProvider.GetUtcNow())));
        connection.Execute("UPDATE sms_contacts SET opted_out_at = NULL, opt_out_source = NULL WHERE phone = $phone", ("$phone", consent.Phone));
    }

    /// <summary>Opts the number out now; returns false when it already was.</summary>
    public async Task<bool> OptOutAsync(string phone, string source, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        EnsureContact(connection, phone);
        return connection.Execute(
            "UPDATE sms_contacts SET opted_out_at = $now, opt_out_source = $source WHERE phone = $phone AND opted_out_at IS NULL",
            ("$phone", phone), ("$now", SmsSqlite.Format(timeProvider.GetUtcNow())), ("$source", source)) > 0;
    }

    /// <summary>Lifts an opt-out (START); returns false when the number was not opted out.</summary>
    public async Task<bool> OptInAsync(string phone, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection.Execute(
            "UPDATE sms_contacts SET opted_out_at = NULL, opt_out_source = NULL WHERE phone = $phone AND opted_out_at IS NOT NULL",
            ("$phone", phone)) > 0;
    }

    /// <summary>Records <paramref name="messageSid"/>; false when it was seen before (a duplicate delivery).</summary>
    public async Task<bool> TryRecordInboundAsync(string messageSid, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection.Execute(
            "INSERT INTO sms_inbound (message_sid, received_at) VALUES ($sid, $now) ON CONFLICT (message_sid) DO NOTHING",
            ("$sid", messageSid), ("$now", SmsSqlite.Format(timeProvider.GetUtcNow()))) > 0;
    }

    private string EnsureContact(SqliteConnection connection, string phone)
    {
        var id = "sms-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        connection.Execute(
            "INSERT INTO sms_contacts (phone, contact_id, created_at) VALUES ($phone, $id, $now) ON CONFLICT (phone) DO NOTHING",
            ("$phone", phone), ("$id", id), ("$now", SmsSqlite.Format(timeProvider.GetUtcNow())));
        return (string)connection.Scalar("SELECT contact_id FROM sms_contacts WHERE phone = $phone", ("$phone", phone))!;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return database.OpenConnection();
    }
}
