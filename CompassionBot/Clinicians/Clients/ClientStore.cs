using CompassionBot.Storage.Relational;
using Dapper;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Client records in the clinic database (migration 0023). Every read names the clinician: a client of another
/// clinician is not found, so the API answers 404 and ids do not leak.
/// </summary>
internal sealed class ClientStore(IRelationalDatabase database)
{
    private const string Columns = "id, clinician, alias, locale, region, phone, created_at";

    public async Task CreateAsync(ClientRecord client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO clients ({Columns}) VALUES (@Id, @Clinician, @Alias, @Locale, @Region, @Phone, @CreatedAt)",
                new { client.Id, client.Clinician, client.Alias, client.Locale, client.Region, client.Phone, CreatedAt = client.CreatedAt.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The client <paramref name="id"/> of <paramref name="clinician"/>, or null (also when it is another clinician's).</summary>
    public Task<ClientRecord?> GetAsync(string clinician, string id, CancellationToken cancellationToken) =>
        GetAsync(new ClinicianAccess(clinician, IsAdmin: false), id, cancellationToken);

    /// <summary>The client <paramref name="id"/> if <paramref name="reader"/> may read it, else null.</summary>
    public async Task<ClientRecord?> GetAsync(ClinicianAccess reader, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return (await ReadAsync($"SELECT {Columns} FROM clients WHERE id = @id{OwnedBy(reader)}", new { id, reader.Clinician }, cancellationToken).ConfigureAwait(false)) is [var first, ..] ? first : null;
    }

    /// <summary>The clients <paramref name="reader"/> may read whose alias contains <paramref name="search"/> (any case), by alias.</summary>
    public Task<IReadOnlyList<ClientRecord>> ListAsync(ClinicianAccess reader, string? search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pattern = "%" + (search ?? string.Empty).Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return ReadAsync(
            $"SELECT {Columns} FROM clients WHERE LOWER(alias) LIKE @pattern ESCAPE '\\'{OwnedBy(reader)} ORDER BY LOWER(alias), id",
            new { reader.Clinician, pattern },
            cancellationToken);
    }

    /// <summary>The clinician's newest client with <paramref name="phone"/>, or null.</summary>
    public async Task<ClientRecord?> FindByPhoneAsync(string clinician, string phone, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM clients WHERE clinician = @clinician AND phone = @phone ORDER BY created_at DESC LIMIT 1", new { clinician, phone }, cancellationToken).ConfigureAwait(false)) is [var first, ..] ? first : null;

    // An admin reads every clinician's clients; anyone else only their own.
    private static string OwnedBy(ClinicianAccess reader) => reader.IsAdmin ? string.Empty : " AND clinician = @Clinician";

    private async Task<IReadOnlyList<ClientRecord>> ReadAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<ClientRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new ClientRecord(r.Id, r.Clinician, r.Alias, r.Locale, r.Region, r.Phone, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)))];
        }
    }

    private sealed record ClientRow
    {
        public required string Id { get; init; }

        public required string Clinician { get; init; }

        public required string Alias { get; init; }

        public required string Locale { get; init; }

        public required string Region { get; init; }

        public string? Phone { get; init; }

        public long CreatedAt { get; init; }
    }
}
