using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.Clinicians.Clients;

/// <summary>The clinicians' alert inboxes (migration 0024): each alert once, read by its clinician and clinic admins, acknowledged by its clinician only.</summary>
internal sealed class ClinicianAlertStore(IRelationalDatabase database)
{
    private const string Select =
        "SELECT a.id, a.clinician, a.client_id, c.alias AS client_alias, a.kind, a.occurred_at, a.acknowledged_by, a.acknowledged_at, a.note " +
        "FROM clinician_alerts a JOIN clients c ON c.id = a.client_id WHERE ";

    private const string OwnAlerts = Select + "a.clinician = @clinician";

    /// <summary>Adds <paramref name="alert"/> unless an alert with its id is there already (a retried turn).</summary>
    public async Task AddAsync(ClinicianAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO clinician_alerts (id, clinician, client_id, kind, occurred_at) VALUES (@Id, @Clinician, @ClientId, @Kind, @at) ON CONFLICT (id) DO NOTHING",
                new { alert.Id, alert.Clinician, alert.ClientId, alert.Kind, at = alert.OccurredAt.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The alerts of <paramref name="clinician"/> (every clinician's when null: clinic admins, see
    /// <see cref="ClientAccess.ReadScope"/>), of one client when <paramref name="clientId"/> is given: unacknowledged
    /// first, newest first.
    /// </summary>
    public async Task<IReadOnlyList<AlertResponse>> ListAsync(string? clinician, string? clientId, bool includeAcknowledged, CancellationToken cancellationToken) =>
        await QueryAsync(
            (clinician is null ? Select + "1 = 1" : OwnAlerts) + (clientId is null ? string.Empty : " AND a.client_id = @clientId") +
            (includeAcknowledged ? string.Empty : " AND a.acknowledged_at IS NULL") +
            " ORDER BY CASE WHEN a.acknowledged_at IS NULL THEN 0 ELSE 1 END, a.occurred_at DESC, a.id",
            new { clinician, clientId },
            cancellationToken).ConfigureAwait(false);

    /// <summary>How many of the client's alerts are not acknowledged.</summary>
    public async Task<int> CountOpenAsync(string clientId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM clinician_alerts WHERE client_id = @clientId AND acknowledged_at IS NULL", new { clientId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The clinician's alert <paramref name="id"/>, or null (also when it is another clinician's).</summary>
    public async Task<AlertResponse?> GetAsync(string clinician, string id, CancellationToken cancellationToken) =>
        await QueryAsync(OwnAlerts + " AND a.id = @id", new { clinician, id }, cancellationToken).ConfigureAwait(false) is [var alert] ? alert : null;

    /// <summary>Acknowledges an unacknowledged alert; false when it was acknowledged already (the first acknowledgement stands).</summary>
    public async Task<bool> AcknowledgeAsync(string clinician, string id, string by, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            return await write.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE clinician_alerts SET acknowledged_by = @by, acknowledged_at = @at, note = @note WHERE id = @id AND clinician = @clinician AND acknowledged_at IS NULL",
                new { clinician, id, by, note, at = at.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        }
    }

    private async Task<IReadOnlyList<AlertResponse>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new AlertResponse(
                r.Id,
                r.ClientId,
                r.ClientAlias,
                r.Kind,
                DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAt),
                r.AcknowledgedAt is { } at ? new AlertAcknowledgement(r.AcknowledgedBy!, DateTimeOffset.FromUnixTimeMilliseconds(at), r.Note) : null,
                r.Clinician))];
        }
    }

    private sealed record AlertRow
    {
        public required string Id { get; init; }

        public required string Clinician { get; init; }

        public required string ClientId { get; init; }

        public required string ClientAlias { get; init; }

        public required string Kind { get; init; }

        public long OccurredAt { get; init; }

        public string? AcknowledgedBy { get; init; }

        public long? AcknowledgedAt { get; init; }

        public string? Note { get; init; }
    }
}
