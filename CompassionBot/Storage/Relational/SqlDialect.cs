namespace CompassionBot.Storage.Relational;

/// <summary>The few SQL fragments that differ between SQLite and PostgreSQL.</summary>
internal sealed class SqlDialect
{
    private SqlDialect(string lockRowsForClaim, string lockRowsForUpdate)
    {
        LockRowsForClaim = lockRowsForClaim;
        LockRowsForUpdate = lockRowsForUpdate;
    }

    /// <summary>Embedded SQLite: one writer at a time, so a write transaction already excludes other claimers.</summary>
    public static SqlDialect Sqlite { get; } = new(string.Empty, string.Empty);

    /// <summary>PostgreSQL: row locks let several instances claim different rows at once.</summary>
    public static SqlDialect Postgres { get; } = new(" FOR UPDATE SKIP LOCKED", " FOR UPDATE");

    /// <summary>
    /// Appended to a <c>SELECT</c> that picks rows to claim inside a write transaction: on PostgreSQL the rows are
    /// locked and rows another instance holds are skipped; on SQLite the transaction itself holds the write lock.
    /// </summary>
    public string LockRowsForClaim { get; }

    /// <summary>
    /// Appended to a <c>SELECT</c> inside a write transaction to hold the rows until it ends (PostgreSQL row locks:
    /// other instances wait); on SQLite the transaction already holds the single write lock.
    /// </summary>
    public string LockRowsForUpdate { get; }
}
