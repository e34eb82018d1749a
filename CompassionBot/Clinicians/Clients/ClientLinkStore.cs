using System.Data.Common;
using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Link codes, the links of channel users to client records and the record of link and consent changes (migration
/// 0023). A link is by channel and channel user id, so every conversation of a linked person, on every channel they
/// linked, feeds the one client record.
/// </summary>
internal sealed class ClientLinkStore(IRelationalDatabase database, TimeProvider timeProvider)
{
    /// <summary>Keeps the hash of a new code for <paramref name="clientId"/>, good until <paramref name="expiresAt"/>.</summary>
    public async Task AddCodeAsync(string clientId, string codeHash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO client_link_codes (code_hash, client_id, created_at, expires_at) VALUES (@codeHash, @clientId, @now, @expires)",
                new { codeHash, clientId, now = Now(), expires = expiresAt.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="codeHash"/> names a code that is unused and has not expired.</summary>
    public async Task<bool> IsRedeemableAsync(string codeHash, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM client_link_codes WHERE code_hash = @codeHash AND used_at IS NULL AND expires_at > @now",
                new { codeHash, now = Now() },
                cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>
    /// Uses the code (once: of two people redeeming it at the same moment one wins) and links the channel user to its
    /// client, replacing any earlier link of theirs. Null when the code is unknown, used or expired.
    /// </summary>
    public Task<string?> RedeemAsync(string codeHash, string channelId, string userId, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var now = Now();
                // The same person using it again (their turn retried after a state conflict) finds their own use.
                var clientId = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                    "UPDATE client_link_codes SET used_at = @now, used_by = @usedBy WHERE code_hash = @codeHash AND expires_at > @now " +
                    "AND (used_at IS NULL OR used_by = @usedBy) RETURNING client_id",
                    new { codeHash, now, usedBy = UsedBy(channelId, userId) },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (clientId is not null)
                {
                    await LinkAsync(connection, transaction, clientId, channelId, userId, ClientConsentChange.Linked, now, cancellationToken).ConfigureAwait(false);
                }

                return clientId;
            },
            cancellationToken);

    /// <summary>Links the channel user to <paramref name="clientId"/> (an SMS enrolment) and records <paramref name="change"/>.</summary>
    public Task LinkAsync(string clientId, string channelId, string userId, string change, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await LinkAsync(connection, transaction, clientId, channelId, userId, change, Now(), cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Removes the channel user's link; returns the client it was to, or null when there was none.</summary>
    public Task<string?> UnlinkAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var clientId = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                    "DELETE FROM client_links WHERE channel_id = @channelId AND user_id = @userId RETURNING client_id",
                    new { channelId, userId },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (clientId is not null)
                {
                    await RecordChangeAsync(connection, transaction, clientId, ClientConsentChange.Unlinked, channelId, Now(), cancellationToken).ConfigureAwait(false);
                }

                return clientId;
            },
            cancellationToken);

    /// <summary>
    /// Removes every link of the client (the clinician ends the sharing), recording an unlink for each channel; returns
    /// how many channel users were linked.
    /// </summary>
    public Task<int> UnlinkClientAsync(string clientId, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var channels = (await connection.QueryAsync<string>(new CommandDefinition(
                    "DELETE FROM client_links WHERE client_id = @clientId RETURNING channel_id",
                    new { clientId },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                var now = Now();
                foreach (var channelId in channels.Distinct(StringComparer.Ordinal))
                {
                    await RecordChangeAsync(connection, transaction, clientId, ClientConsentChange.Unlinked, channelId, now, cancellationToken).ConfigureAwait(false);
                }

                return channels.Count;
            },
            cancellationToken);

    /// <summary>The client the channel user is linked to, and its clinician; null when not linked.</summary>
    public async Task<ClientLink?> FindAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryFirstOrDefaultAsync<ClientLink>(new CommandDefinition(
                "SELECT l.client_id, c.clinician FROM client_links l JOIN clients c ON c.id = l.client_id WHERE l.channel_id = @channelId AND l.user_id = @userId",
                new { channelId, userId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The channels the client is linked on now.</summary>
    public async Task<IReadOnlyList<string>> ChannelsAsync(string clientId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return [.. await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT channel_id FROM client_links WHERE client_id = @clientId ORDER BY channel_id",
                new { clientId },
                cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }
    }

    /// <summary>The client's link and consent changes, oldest first.</summary>
    public async Task<IReadOnlyList<ClientConsentChange>> ChangesAsync(string clientId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<ChangeRow>(new CommandDefinition(
                "SELECT change, channel_id, occurred_at FROM client_consent_changes WHERE client_id = @clientId ORDER BY occurred_at, id",
                new { clientId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new ClientConsentChange(r.Change, r.ChannelId, DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAt)))];
        }
    }

    private static async Task LinkAsync(
        DbConnection connection, DbTransaction transaction, string clientId, string channelId, string userId, string change, long now, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO client_links (channel_id, user_id, client_id, linked_at) VALUES (@channelId, @userId, @clientId, @now) " +
            "ON CONFLICT (channel_id, user_id) DO UPDATE SET client_id = excluded.client_id, linked_at = excluded.linked_at",
            new { channelId, userId, clientId, now },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await RecordChangeAsync(connection, transaction, clientId, change, channelId, now, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> RecordChangeAsync(
        DbConnection connection, DbTransaction transaction, string clientId, string change, string channelId, long now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO client_consent_changes (client_id, change, channel_id, occurred_at) VALUES (@clientId, @change, @channelId, @now)",
            new { clientId, change, channelId, now },
            transaction,
            cancellationToken: cancellationToken));

    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            var transaction = await write.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(write.Connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    private static string UsedBy(string channelId, string userId) => channelId + "/" + userId;

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record ChangeRow
    {
        public required string Change { get; init; }

        public required string ChannelId { get; init; }

        public long OccurredAt { get; init; }
    }
}
