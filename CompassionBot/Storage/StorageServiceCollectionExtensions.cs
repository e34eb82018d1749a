using CompassionBot.BotFramework;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.DirectLine;
using CompassionBot.Safety.Alerts;
using CompassionBot.Storage.Postgres;
using CompassionBot.Storage.Relational;
using CompassionBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CompassionBot.Storage;

/// <summary>
/// Registers every store for the configured <c>Storage:Provider</c>: the one place that chooses between providers.
/// </summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers each provider's bot-state store, relational database, cross-instance conversation lock and Direct Line
    /// notifier under its <see cref="StorageProvider"/> key, and the application's <see cref="IStorage"/>,
    /// <see cref="IRelationalDatabase"/>, <see cref="IConversationLock"/> and <see cref="IDirectLineNotifier"/> as the
    /// configured provider's (replacing an earlier <see cref="IStorage"/>, such as the in-memory default). The stores of
    /// clinic records are written once against <see cref="IRelationalDatabase"/>, which with <c>Memory</c> is a private
    /// in-memory database: nothing reaches a disk. Settings are validated, and the database opened and migrated, at
    /// start-up.
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

        AddSqlite(services, configuration);
        AddPostgres(services, configuration);
        AddMemory(services);

        // The provider switch: resolved lazily, so configuration a test host adds after this call still applies.
        services.Replace(ServiceDescriptor.Singleton(OfProvider<IStorage>));
        services.TryAddSingleton(OfProvider<IRelationalDatabase>);
        services.TryAddSingleton(OfProvider<IConversationLock>);
        services.TryAddSingleton(OfProvider<IDirectLineNotifier>);

        AddClinicRecordStores(services);
        services.AddHostedService<StorageStartupService>();
        services.AddHostedService<SqliteCheckpointService>();
        return services;
    }

    /// <summary><c>ConnectionStrings:Sqlite</c>, or the default file under the current directory.</summary>
    public static string SqliteConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(StorageOptions.SqliteConnectionStringName) is { Length: > 0 } value
            ? value
            : StorageOptions.DefaultSqliteConnectionString;

    // The configured provider's own registration of T.
    private static T OfProvider<T>(IServiceProvider services)
        where T : notnull =>
        services.GetRequiredKeyedService<T>(services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);

    // One embedded file; one instance per file, so no lock beyond this process's gate (the ETag check guards a second
    // process on the same file).
    private static void AddSqlite(IServiceCollection services, IConfiguration configuration)
    {
        const StorageProvider key = StorageProvider.Sqlite;
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
        services.AddKeyedSingleton<IStorage>(key, (sp, _) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.StateCacheSize > 0
            ? sp.GetRequiredService<CachingStorage>()
            : sp.GetRequiredService<SqliteStorage>());
        services.AddKeyedSingleton<IRelationalDatabase>(key, (sp, _) => sp.GetRequiredService<SqliteDatabase>());
        services.AddKeyedSingleton<IConversationLock>(key, InProcessConversationLock.Instance);
        services.AddKeyedSingleton<IDirectLineNotifier>(key, (sp, _) => sp.GetRequiredService<InProcessDirectLineNotifier>());
    }

    // A shared database for several instances: a conversation's turns commit one at a time (a first try without the
    // conversation's advisory lock, a turn run again holding it), Direct Line replies reach streams on other instances
    // through LISTEN/NOTIFY.
    private static void AddPostgres(IServiceCollection services, IConfiguration configuration)
    {
        const StorageProvider key = StorageProvider.Postgres;
        services.TryAddSingleton(sp => new PostgresDatabase(
            configuration.GetConnectionString(StorageOptions.PostgresConnectionStringName) ?? string.Empty,
            SqlMigration.LoadEmbedded(typeof(PostgresDatabase).Assembly, PostgresDatabase.MigrationResourcePrefix),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.TryAddSingleton(sp => new PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PostgresConversationLock(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PostgresOptimisticConversationLock(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<PostgresConversationLock>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PostgresDirectLineNotifier>();
        services.AddKeyedSingleton<IStorage>(key, (sp, _) => sp.GetRequiredService<PostgresStorage>());
        services.AddKeyedSingleton<IRelationalDatabase>(key, (sp, _) => sp.GetRequiredService<PostgresDatabase>());
        services.AddKeyedSingleton<IConversationLock>(key, (sp, _) => sp.GetRequiredService<PostgresDatabase>().MultiplexesStatements
            ? sp.GetRequiredService<PostgresOptimisticConversationLock>()
            : sp.GetRequiredService<PostgresConversationLock>());
        services.AddKeyedSingleton<IDirectLineNotifier>(key, (sp, _) => sp.GetRequiredService<PostgresDirectLineNotifier>());
    }

    // Nothing survives the process: bot state in a dictionary, clinic records in a private in-memory SQLite database.
    private static void AddMemory(IServiceCollection services)
    {
        const StorageProvider key = StorageProvider.Memory;
        services.TryAddSingleton<MemoryStorage>();
        services.TryAddSingleton<InProcessDirectLineNotifier>();
        services.AddKeyedSingleton<IStorage>(key, (sp, _) => sp.GetRequiredService<MemoryStorage>());
        services.AddKeyedSingleton<IRelationalDatabase>(key, (sp, _) => SqliteDatabase.InMemory(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.BusyTimeout,
            SqlMigration.LoadEmbedded(typeof(SqliteDatabase).Assembly, SqliteDatabase.MigrationResourcePrefix),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddKeyedSingleton<IConversationLock>(key, InProcessConversationLock.Instance);
        services.AddKeyedSingleton<IDirectLineNotifier>(key, (sp, _) => sp.GetRequiredService<InProcessDirectLineNotifier>());
    }

    // The clinic-record stores that features resolve by interface, on whichever database the provider gives.
    private static void AddClinicRecordStores(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RelationalCrisisEventStore(sp.GetRequiredService<IRelationalDatabase>()));
        services.TryAddSingleton<ICrisisAlertOutbox>(sp => sp.GetRequiredService<RelationalCrisisEventStore>());
        services.TryAddSingleton<ISafetyPlanStore>(sp => new RelationalSafetyPlanStore(sp.GetRequiredService<IRelationalDatabase>()));
        services.TryAddSingleton<IConversationReferenceStore>(sp =>
            new RelationalConversationReferenceStore(sp.GetRequiredService<IRelationalDatabase>(), sp.GetRequiredService<TimeProvider>()));
    }

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
