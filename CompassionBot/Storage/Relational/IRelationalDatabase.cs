using System.Data.Common;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// The clinic's relational database, whichever provider holds it (an embedded SQLite file, a shared PostgreSQL, or for
/// <c>Memory</c> a private SQLite database in memory). Stores of clinic records (crisis events, Direct Line logs, SMS
/// consent, check-ins, conversation references, safety plans) are written once against this seam with Dapper and
/// <see cref="SqlDialect"/>.
/// </summary>
/// <remarks>
/// SQL written against this seam uses <c>@name</c> parameters, <c>INSERT ... ON CONFLICT</c>, <c>RETURNING</c> and
/// <c>LIMIT</c>, which both providers understand. Integers are 64-bit (<c>INTEGER</c> on SQLite, <c>BIGINT</c> on
/// PostgreSQL), text is <c>TEXT</c>, instants are Unix milliseconds or ISO-8601 text. Both providers' migrations
/// mirror each other one for one under the same version numbers.
/// </remarks>
internal interface IRelationalDatabase
{
    /// <summary>The provider's SQL differences.</summary>
    SqlDialect Dialect { get; }

    /// <summary>The schema version after <see cref="EnsureMigratedAsync"/> (0 before).</summary>
    int SchemaVersion { get; }

    /// <summary>The newest migration this build ships.</summary>
    int ExpectedSchemaVersion { get; }

    /// <summary>Applies pending migrations once per instance (later calls return at once).</summary>
    Task EnsureMigratedAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection on the migrated database. The caller disposes it.</summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached or opened.</exception>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection for a write. On SQLite the write holds this process's write lock and runs on its one write
    /// connection (the bot-state writer's), so it queues in memory instead of sleeping in SQLite's busy handler (steps
    /// of 1 ms and more) and does not make the bot-state writer re-read its pages from the file afterwards; on
    /// PostgreSQL it is a plain pooled connection. The caller disposes the result as soon as the write is done.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached or opened.</exception>
    async Task<RelationalWrite> OpenWriteAsync(CancellationToken cancellationToken) =>
        new(await OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Opens a connection for a health probe: one that proves the database can be reached now, which a pooled
    /// connection kept open from earlier would not. The caller disposes it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached or opened.</exception>
    Task<DbConnection> OpenProbeConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);
}
