using System.Data.Common;
using CompassionBot.Storage.Relational;

namespace CompassionBot.Tests.Support;

/// <summary>A clinic database that cannot be reached: every connection attempt fails, as with a database server down.</summary>
internal sealed class UnreachableDatabase : IRelationalDatabase
{
    public SqlDialect Dialect => SqlDialect.Sqlite;

    public int SchemaVersion => 0;

    public int ExpectedSchemaVersion => 0;

    public Task EnsureMigratedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromException<DbConnection>(new InvalidOperationException("The database cannot be reached."));
}
