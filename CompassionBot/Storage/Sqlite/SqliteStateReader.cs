using CompassionBot.Dialogs.State;
using Microsoft.Data.Sqlite;

namespace CompassionBot.Storage.Sqlite;

/// <summary>One pooled read connection with its prepared statements; used by one caller at a time.</summary>
internal sealed class SqliteStateReader : IDisposable
{
    private const string Columns = "SELECT key, json, etag FROM bot_state WHERE ";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _readOne;
    private readonly SqliteCommand _readTwo;
    private readonly SqliteParameter _oneKey;
    private readonly SqliteParameter _twoFirst;
    private readonly SqliteParameter _twoSecond;

    /// <summary>Takes ownership of the open <paramref name="connection"/>.</summary>
    public SqliteStateReader(SqliteConnection connection)
    {
        _connection = connection;
        (_readOne, _oneKey) = Prepare(Columns + "key = @k0;");
        (_readTwo, _twoFirst) = Prepare(Columns + "key IN (@k0, @k1);", "@k1");
        _twoSecond = _readTwo.Parameters["@k1"];
    }

    /// <summary>Adds the documents that exist among <paramref name="keys"/> to <paramref name="into"/>.</summary>
    public void Read(IReadOnlyCollection<string> keys, Dictionary<string, StoreItem> into)
    {
        if (keys.Count == 2)
        {
            using var pair = keys.GetEnumerator();
            pair.MoveNext();
            _twoFirst.Value = pair.Current;
            pair.MoveNext();
            _twoSecond.Value = pair.Current;
            Collect(_readTwo, into);
            return;
        }

        if (keys.Count == 1)
        {
            ReadOne(keys.First(), into);
            return;
        }

        // One read transaction, so every document comes from the same snapshot.
        _connection.Execute("BEGIN;");
        try
        {
            foreach (var key in keys)
            {
                ReadOne(key, into);
            }
        }
        finally
        {
            _connection.RollbackIfActive();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _readOne.Dispose();
        _readTwo.Dispose();
        _connection.Dispose();
    }

    private void ReadOne(string key, Dictionary<string, StoreItem> into)
    {
        _oneKey.Value = key;
        Collect(_readOne, into);
    }

    private static void Collect(SqliteCommand command, Dictionary<string, StoreItem> into)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into[reader.GetString(0)] = new StoreItem(reader.GetString(1), reader.GetString(2));
        }
    }

    private (SqliteCommand Command, SqliteParameter First) Prepare(string sql, params string[] moreParameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        var first = command.Parameters.Add("@k0", SqliteType.Text);
        foreach (var name in moreParameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        command.Prepare();
        return (command, first);
    }
}
