using CompassionBot.Storage.Postgres;
using CompassionBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace CompassionBot.Storage;

/// <summary>Start-up checks beyond data annotations: a known provider, and a usable connection string for SQLite
/// (a file) or PostgreSQL.</summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail(UnsupportedProvider(options.Provider.ToString()));
        }

        if (options.Provider == StorageProvider.Sqlite
            && SqliteDatabase.Validate(StorageServiceCollectionExtensions.SqliteConnectionString(configuration)) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        if (options.Provider == StorageProvider.Postgres
            && PostgresDatabase.Validate(configuration.GetConnectionString(StorageOptions.PostgresConnectionStringName)) is { } invalid)
        {
            return ValidateOptionsResult.Fail(invalid);
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>The start-up message for an unknown <c>Storage:Provider</c>.</summary>
    public static string UnsupportedProvider(string value) =>
        $"Storage:Provider '{value}' is not supported; use one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.";
}
