using System.Data;
using DbUp.Engine;
using DbUp.Engine.Transactions;

namespace CompassionBot.Storage;

/// <summary>
/// DbUp's journal kept in our own <c>schema_migrations</c> table (version, name, applied_at), the table the earlier
/// hand-written runners wrote: a database they migrated is recognised as it is, and readiness reads the schema version
/// from the same table.
/// </summary>
/// <param name="connectionManager">DbUp's connection manager (commands run in its upgrade transaction).</param>
/// <param name="migrations">The scripts DbUp runs; each is recorded under its <see cref="SqlMigration.Version"/>.</param>
/// <param name="createTable">The provider's <c>CREATE TABLE IF NOT EXISTS schema_migrations</c>.</param>
/// <param name="appliedAt">The <c>applied_at</c> value for a script applied now, in the provider's column type.</param>
internal sealed class SchemaMigrationsJournal(
    Func<IConnectionManager> connectionManager, IReadOnlyList<SqlMigration> migrations, string createTable, Func<object> appliedAt) : IJournal
{
    /// <summary>The names (<c>0001_bot_state</c>) of the scripts already applied, creating the table if needed.</summary>
    public string[] GetExecutedScripts() =>
        connectionManager().ExecuteCommandsWithManagedConnection(commands =>
        {
            EnsureTableExistsAndIsLatestVersion(commands);
            using var command = commands();
            command.CommandText = "SELECT name FROM schema_migrations ORDER BY version;";
            using var reader = command.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            return names.ToArray();
        });

    /// <summary>Records <paramref name="script"/> in the transaction that applied it.</summary>
    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(dbCommandFactory);
        using var command = dbCommandFactory();
        command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt);";
        AddParameter(command, "version", migrations.Single(m => m.Name == script.Name).Version);
        AddParameter(command, "name", script.Name);
        AddParameter(command, "appliedAt", appliedAt());
        command.ExecuteNonQuery();
    }

    /// <summary>Creates <c>schema_migrations</c> when it does not exist; its shape has never changed.</summary>
    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
        ArgumentNullException.ThrowIfNull(dbCommandFactory);
        using var command = dbCommandFactory();
        command.CommandText = createTable;
        command.ExecuteNonQuery();
    }

    private static void AddParameter(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
