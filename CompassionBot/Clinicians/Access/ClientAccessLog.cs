using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.Clinicians.Access;

/// <summary>
/// Who read which client's data, what and when (migration 0026): appended on every read of a client's data, read by
/// clinic admins. Names, ids and kinds only, never message text.
/// </summary>
internal sealed class ClientAccessLog(IRelationalDatabase database, TimeProvider timeProvider)
{
    /// <summary>Records that <paramref name="clinician"/> read <paramref name="kind"/> of client <paramref name="clientId"/> now.</summary>
    public async Task RecordAsync(string clinician, string clientId, string kind, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO client_access_log (clinician, client_id, kind, read_at) VALUES (@clinician, @clientId, @kind, @at)",
                new { clinician, clientId, kind, at = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// At most <paramref name="limit"/> entries older than entry <paramref name="before"/> (all when null), of one client
    /// when <paramref name="clientId"/> is given, newest first.
    /// </summary>
    public async Task<IReadOnlyList<AccessLogEntry>> ListAsync(string? clientId, long? before, int limit, CancellationToken cancellationToken)
    {
        var sql = "SELECT id, clinician, client_id, kind, read_at FROM client_access_log WHERE 1 = 1" +
            (clientId is null ? string.Empty : " AND client_id = @clientId") +
            (before is null ? string.Empty : " AND id < @before") +
            " ORDER BY id DESC LIMIT @limit";
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<AccessRow>(new CommandDefinition(sql, new { clientId, before, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new AccessLogEntry(r.Id, r.Clinician, r.ClientId, r.Kind, DateTimeOffset.FromUnixTimeMilliseconds(r.ReadAt)))];
        }
    }

    private sealed record AccessRow
    {
        public long Id { get; init; }

        public required string Clinician { get; init; }

        public required string ClientId { get; init; }

        public required string Kind { get; init; }

        public long ReadAt { get; init; }
    }
}
