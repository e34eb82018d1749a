using System.Data.Common;

namespace CompassionBot.Storage.Relational;

/// <summary>
/// Small ADO.NET helpers shared by the relational stores. Parameters are <c>(name, value)</c> pairs named as in the
/// SQL (<c>@id</c>); a null value is sent as SQL NULL.
/// </summary>
internal static class DbCommandExtensions
{
    /// <summary>A command on <paramref name="connection"/> outside any transaction.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        return command;
    }

    /// <summary>A command enlisted in <paramref name="transaction"/>.</summary>
    public static DbCommand Command(this DbTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has already completed.");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddParameters(command, parameters);
        return command;
    }

    /// <summary>Runs <paramref name="command"/>, disposes it and returns the number of rows affected.</summary>
    public static async Task<int> RunAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="command"/>, disposes it and returns the first column of the first row (null if none).</summary>
    public static async Task<object?> ScalarAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    /// <summary>Runs <paramref name="command"/>, disposes it, and maps every row with <paramref name="map"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(map);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    /// <summary>The column as a string, or null.</summary>
    public static string? StringOrNull(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>The column as a 64-bit integer, or null.</summary>
    public static long? Int64OrNull(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    private static void AddParameters(DbCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
