using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Transactions;

namespace CompassionBot.Storage;

/// <summary>
/// Applies the embedded <see cref="SqlMigration"/>s not yet applied with DbUp, in one transaction (all of them or none),
/// recording each in <c>schema_migrations</c> (<see cref="SchemaMigrationsJournal"/>). Excluding another instance that
/// starts at the same moment is the provider's part: SQLite's <c>BEGIN IMMEDIATE</c> (the transaction DbUp opens),
/// PostgreSQL's advisory lock taken around the upgrade.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Runs the pending migrations on the database <paramref name="target"/> names.</summary>
    /// <param name="target">DbUp's builder for the provider and connection.</param>
    /// <param name="migrations">Every migration this build ships, in version order.</param>
    /// <param name="createJournal">The provider's <c>CREATE TABLE IF NOT EXISTS schema_migrations</c>.</param>
    /// <param name="appliedAt">The <c>applied_at</c> value for a script applied now.</param>
    /// <param name="provider">The provider's name, for the error message.</param>
    /// <returns>The names of the migrations applied now.</returns>
    /// <exception cref="InvalidOperationException">A migration failed (named in the message); nothing was applied.</exception>
    public static IReadOnlyList<string> Migrate(
        UpgradeEngineBuilder target, IReadOnlyList<SqlMigration> migrations, string createJournal, Func<object> appliedAt, string provider)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(migrations);
        var result = target
            .WithScripts(migrations.Select(m => new SqlScript(m.Name, m.Sql)))
            .JournalTo((Func<IConnectionManager> connections, Func<DbUp.Engine.Output.IUpgradeLog> _) =>
                new SchemaMigrationsJournal(connections, migrations, createJournal, appliedAt))
            .WithTransaction()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"{provider} migration {result.ErrorScript?.Name ?? "(journal)"} failed: {result.Error.Message}", result.Error);
        }

        return [.. result.Scripts.Select(s => s.Name)];
    }
}
