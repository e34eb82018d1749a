using CompassionBot.Storage;
using CompassionBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A SQLite database file in a fresh temporary folder, deleted (with every database and storage opened on it) on
/// dispose. Each <see cref="OpenStorage"/> is an independent instance, like another process on the same file.
/// </summary>
internal sealed class TemporarySqliteFile : IDisposable
{
    private readonly List<IDisposable> _opened = [];

    public TemporarySqliteFile()
    {
        Folder = Path.Combine(Path.GetTempPath(), "compassionbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "state.db");
    }

    /// <summary>The temporary folder (not created until a database opens).</summary>
    public string Folder { get; }

    /// <summary>The database file, inside a not-yet-existing <c>data</c> subfolder.</summary>
    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public static IReadOnlyList<SqlMigration> ShippedMigrations =>
        SqlMigration.LoadEmbedded(typeof(SqliteDatabase).Assembly, SqliteDatabase.MigrationResourcePrefix);

    public SqliteDatabase OpenDatabase(IReadOnlyList<SqlMigration>? migrations = null) =>
        Track(new SqliteDatabase(ConnectionString, TimeSpan.FromSeconds(5), migrations ?? ShippedMigrations, TimeProvider.System, NullLogger<SqliteDatabase>.Instance));

    public SqliteStorage OpenStorage(int readConnections = 2) =>
        Track(new SqliteStorage(OpenDatabase(), readConnections, TimeProvider.System, NullLogger<SqliteStorage>.Instance));

    /// <summary>Closes everything opened so far (the file stays).</summary>
    public void CloseAll()
    {
        foreach (var opened in Enumerable.Reverse(_opened))
        {
            opened.Dispose();
        }

        _opened.Clear();
    }

    public void Dispose()
    {
        CloseAll();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _opened.Add(disposable);
        return disposable;
    }
}
