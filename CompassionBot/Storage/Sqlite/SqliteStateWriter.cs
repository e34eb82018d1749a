using CompassionBot.Dialogs.State;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>
/// The bot-state statements, prepared on the process's write connection (<see cref="SqliteDatabase.WriterConnection"/>).
/// Callers serialise access (one writer per process); across processes, SQLite's write lock (BEGIN IMMEDIATE,
/// busy_timeout) does.
/// </summary>
/// <remarks>
/// Each ETag expectation is one conditional statement whose row count says whether it held, so the check and the
/// write are one step (the PostgreSQL provider can use the same three statements).
/// </remarks>
internal sealed class SqliteStateWriter : IDisposable
{
    private static readonly string[] ParameterNames = ["@key", "@json", "@etag", "@now", "@expected"];

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _releaseSavepoint;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly Statement _create;
    private readonly Statement _overwrite;
    private readonly Statement _replace;
    private readonly SqliteCommand _delete;
    private readonly SqliteParameter _deleteKey;

    /// <summary>Prepares the statements on the open <paramref name="connection"/>, which stays the caller's to close.</summary>
    public SqliteStateWriter(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _begin = Prepare("BEGIN IMMEDIATE;");
        _commit = Prepare("COMMIT;");
        _savepoint = Prepare("SAVEPOINT write;");
        _releaseSavepoint = Prepare("RELEASE write;");
        _rollbackToSavepoint = Prepare("ROLLBACK TO write;");
        _create = new Statement(Prepare("""
            INSERT INTO bot_state (key, json, etag, updated_at) VALUES (@key, @json, @etag, @now)
            ON CONFLICT (key) DO NOTHING;
            """));
        _overwrite = new Statement(Prepare("""
            INSERT INTO bot_state (key, json, etag, updated_at) VALUES (@key, @json, @etag, @now)
            ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at;
            """));
        _replace = new Statement(Prepare("""
            UPDATE bot_state SET json = @json, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected;
            """));
        _delete = Prepare("DELETE FROM bot_state WHERE key = @key;");
        _deleteKey = _delete.Parameters["@key"];
    }

    /// <summary>
    /// Commits several callers' writes in one transaction (group commit), each inside its own savepoint: a write whose
    /// expectation fails is undone alone and gets its <see cref="PendingStateWrite.ConflictKey"/>; the others keep
    /// their changes and <see cref="PendingStateWrite.ETags"/>. Writes to the same key see each other in order, exactly
    /// as if committed one after another. Any other failure rolls the whole batch back and is thrown.
    /// </summary>
    public void WriteBatch(IReadOnlyList<PendingStateWrite> batch, ETagSource etagSource, long nowUnixMs)
    {
        _begin.ExecuteNonQuery();
        try
        {
            foreach (var write in batch)
            {
                _savepoint.ExecuteNonQuery();
                var etags = new Dictionary<string, string>(write.Changes.Count, StringComparer.Ordinal);
                write.ConflictKey = null;
                foreach (var (key, change) in write.Changes)
                {
                    var etag = etagSource.Next();
                    if (!Apply(key, change, etag, nowUnixMs))
                    {
                        write.ConflictKey = key;
                        break;
                    }

                    etags[key] = etag;
                }

                if (write.ConflictKey is null)
                {
                    write.ETags = etags;
                }
                else
                {
                    _rollbackToSavepoint.ExecuteNonQuery();
                }

                _releaseSavepoint.ExecuteNonQuery();
            }

            _commit.ExecuteNonQuery();
        }
        catch
        {
            _connection.RollbackIfActive();
            throw;
        }
    }

    /// <summary>Deletes the keys that exist, all in one transaction.</summary>
    public void Delete(IReadOnlyCollection<string> keys)
    {
        var batch = keys.Count > 1;
        if (batch)
        {
            _begin.ExecuteNonQuery();
        }

        try
        {
            foreach (var key in keys)
            {
                _deleteKey.Value = key;
                _delete.ExecuteNonQuery();
            }

            if (batch)
            {
                _commit.ExecuteNonQuery();
            }
        }
        catch when (batch)
        {
            _connection.RollbackIfActive();
            throw;
        }
    }

    /// <summary>The connection the statements are prepared on.</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>Disposes the statements (not the connection).</summary>
    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _savepoint, _releaseSavepoint, _rollbackToSavepoint, _create.Command, _overwrite.Command, _replace.Command, _delete })
        {
            command.Dispose();
        }
    }

    private bool Apply(string key, StoreItem change, string etag, long nowUnixMs)
    {
        var statement = change.ETag switch
        {
            null => _create,
            StoreItem.AnyETag => _overwrite,
            _ => _replace,
        };
        statement.Key.Value = key;
        statement.Json.Value = change.Json;
        statement.ETag.Value = etag;
        statement.Now.Value = nowUnixMs;
        if (statement.Expected is { } expected)
        {
            expected.Value = change.ETag;
        }

        return statement.Command.ExecuteNonQuery() == 1;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterNames.Where(n => sql.Contains(n, StringComparison.Ordinal)))
        {
            command.Parameters.Add(name, name == "@now" ? SqliteType.Integer : SqliteType.Text);
        }

        command.Prepare();
        return command;
    }

    private sealed class Statement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public SqliteParameter Key { get; } = command.Parameters["@key"];

        public SqliteParameter Json { get; } = command.Parameters["@json"];

        public SqliteParameter ETag { get; } = command.Parameters["@etag"];

        public SqliteParameter Now { get; } = command.Parameters["@now"];

        public SqliteParameter? Expected { get; } = command.Parameters.Contains("@expected") ? command.Parameters["@expected"] : null;
    }
}
