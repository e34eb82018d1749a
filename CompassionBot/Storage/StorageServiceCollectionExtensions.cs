using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Storage.Postgres;
using CompassionBot.Storage.Relational;
using CompassionBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CompassionBot.Storage;

/// <summary>Registers the configured <see cref="IStorage"/> provider and its start-up migration.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> for <c>Storage:Provider</c> (replacing any earlier registration, such as the
    /// in-memory default), validates the settings at start-up, and opens and migrates the database before serving.
    /// </summary>
    public static IServiceCollection AddCompassionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .Configure(options => Bind(configuration.GetSection(StorageOptions.SectionName), options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(configuration)));

        services.TryAddSingleton<MemoryStorage>();
        services.TryAddSingleton(sp => new SqliteDatabase(
            SqliteConnectionString(configuration),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.BusyTimeout,
            SqlMigration.LoadEmbedded(typeof(SqliteDatabase).Assembly, SqliteDatabase.MigrationResourcePrefix),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.TryAddSingleton(sp => new SqliteStorage(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ReadConnections,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteStorage>>()));

        services.TryAddSingleton(sp => new CachingStorage(
            sp.GetRequiredService<SqliteStorage>(),
            Math.Max(1, sp.GetRequiredService<IOptions<StorageOptions>>().Value.StateCacheSize)));

        services.TryAddSingleton(sp => new PostgresDatabase(
            configuration.GetConnectionString(StorageOptions.PostgresConnectionStringName) ?? string.Empty,
            SqlMigration.LoadEmbedded(typeof(PostgresDatabase).Assembly, PostgresDatabase.MigrationResourcePrefix),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.TryAddSingleton(sp => new PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));

        // Resolved lazily, so configuration added by tests (WebApplicationFactory) after this call still applies.
        services.Replace(ServiceDescriptor.Singleton<IStorage>(sp =>
            ProviderOf(sp) switch
            {
                StorageProvider.Memory => sp.GetRequiredService<MemoryStorage>(),
                StorageProvider.Postgres => sp.GetRequiredService<PostgresStorage>(),
                _ => sp.GetRequiredService<IOptions<StorageOptions>>().Value.StateCacheSize > 0
                    ? sp.GetRequiredService<CachingStorage>()
                    : sp.GetRequiredService<SqliteStorage>(),
            }));

        // Across instances, PostgreSQL serialises each conversation's turns; one SQLite file has no other instances
        // to wait for (and the ETag check still guards a second process on the same file).
        services.TryAddSingleton(sp => new PostgresConversationLock(sp.GetRequiredService<PostgresDatabase>()));
        services.TryAddSingleton<IConversationLock>(sp =>
            ProviderOf(sp) == StorageProvider.Postgres ? sp.GetRequiredService<PostgresConversationLock>() : InProcessConversationLock.Instance);

        // Clinic records follow the provider too; with the Memory provider they stay in the SQLite file.
        services.TryAddSingleton<IRelationalDatabase>(sp =>
            ProviderOf(sp) == StorageProvider.Postgres ? sp.GetRequiredService<PostgresDatabase>() : sp.GetRequiredService<SqliteDatabase>());
        services.AddHostedService<StorageStartupService>();
        services.AddHostedService<SqliteCheckpointService>();
        return services;
    }

    /// <summary>The configured <c>Storage:Provider</c>.</summary>
    public static StorageProvider ProviderOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;

    /// <summary><c>ConnectionStrings:Sqlite</c>, or the default file under the current directory.</summary>
    public static string SqliteConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(StorageOptions.SqliteConnectionStringName) is { Length: > 0 } value
            ? value
            : StorageOptions.DefaultSqliteConnectionString;

    // The binder's own error for an unknown enum name does not say what would be valid.
    private static void Bind(IConfigurationSection section, StorageOptions options)
    {
        if (section[nameof(StorageOptions.Provider)] is { } provider && !Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out _))
        {
            throw new OptionsValidationException(
                StorageOptions.SectionName,
                typeof(StorageOptions),
                [StorageOptionsValidator.UnsupportedProvider(provider)]);
        }

        section.Bind(options);
    }
}
