using CompassionBot.Dialogs.State;
using CompassionBot.Hosting;
using CompassionBot.Storage;
using CompassionBot.Storage.Sqlite;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CompassionBot.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task StartAsync_DefaultProvider_CreatesFolderAndMigratesSqliteFile()
    {
        using var sut = BuildHost(("ConnectionStrings:Sqlite", _file.ConnectionString));

        await sut.StartAsync(Ct);

        Assert.IsType<CachingStorage>(sut.Services.GetRequiredService<IStorage>());
        Assert.True(File.Exists(_file.FilePath));
        Assert.Equal(TemporarySqliteFile.ShippedMigrations[^1].Version, sut.Services.GetRequiredService<SqliteDatabase>().SchemaVersion);
        await sut.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_ProviderInAnyCase_IsAccepted()
    {
        using var sut = BuildHost(("Storage:Provider", "memory"));

        await sut.StartAsync(Ct);

        Assert.IsType<MemoryStorage>(sut.Services.GetRequiredService<IStorage>());
        await sut.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_MemoryProvider_UsesMemoryStorageAndTouchesNoFile()
    {
        using var sut = BuildHost(("Storage:Provider", "Memory"), ("ConnectionStrings:Sqlite", _file.ConnectionString));

        await sut.StartAsync(Ct);

        Assert.IsType<MemoryStorage>(sut.Services.GetRequiredService<IStorage>());
        Assert.False(Directory.Exists(_file.Folder));
        await sut.StopAsync(Ct);
    }

    [Fact]
    public void AddCompassionStorage_AfterAddBotCore_ReplacesMemoryDefault()
    {
        var services = new ServiceCollection();
        services.AddBotCore();

        services.AddCompassionStorage(Configuration(("ConnectionStrings:Sqlite", _file.ConnectionString)));

        Assert.Single(services, d => d.ServiceType == typeof(IStorage) && !d.IsKeyedService);
        using var provider = services.AddLogging().BuildServiceProvider();
        Assert.IsType<CachingStorage>(provider.GetRequiredService<IStorage>());
    }

    [Fact]
    public void AddCompassionStorage_BeforeAddBotCore_KeepsConfiguredProvider()
    {
        var services = new ServiceCollection();
        services.AddCompassionStorage(Configuration(("ConnectionStrings:Sqlite", _file.ConnectionString)));

        services.AddBotCore();

        Assert.Single(services, d => d.ServiceType == typeof(IStorage) && !d.IsKeyedService);
        using var provider = services.AddLogging().BuildServiceProvider();
        Assert.IsType<CachingStorage>(provider.GetRequiredService<IStorage>());
    }

    [Fact]
    public async Task StartAsync_StateCacheSizeZero_UsesSqliteStorageDirectly()
    {
        using var sut = BuildHost(("ConnectionStrings:Sqlite", _file.ConnectionString), ("Storage:StateCacheSize", "0"));

        await sut.StartAsync(Ct);

        Assert.IsType<SqliteStorage>(sut.Services.GetRequiredService<IStorage>());
        await sut.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_StateCacheSize_SetsTheCacheCapacity()
    {
        using var sut = BuildHost(("ConnectionStrings:Sqlite", _file.ConnectionString), ("Storage:StateCacheSize", "100"));

        await sut.StartAsync(Ct);

        Assert.Equal(100, Assert.IsType<CachingStorage>(sut.Services.GetRequiredService<IStorage>()).Capacity);
        await sut.StopAsync(Ct);
    }

    [Fact]
    public void AddCompassionStorage_ConfigurationAddedAfterward_IsUsed()
    {
        // WebApplicationFactory adds test settings to the builder's configuration only when the host is built.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging().AddCompassionStorage(builder.Configuration);

        builder.Configuration.AddInMemoryCollection([new("Storage:Provider", "Memory")]);

        using var sut = builder.Build();
        Assert.IsType<MemoryStorage>(sut.Services.GetRequiredService<IStorage>());
    }

    [Theory]
    [InlineData("Storage:Provider", "Cosmos", "Storage:Provider 'Cosmos' is not supported; use one of: Sqlite, Memory, Postgres.")]
    [InlineData("Storage:Provider", "7", "Storage:Provider '7' is not supported")]
    [InlineData("Storage:BusyTimeout", "-00:00:01", "Storage:BusyTimeout")]
    [InlineData("Storage:ReadConnections", "0", "Storage:ReadConnections")]
    [InlineData("Storage:StateCacheSize", "-1", "Storage:StateCacheSize")]
    [InlineData("ConnectionStrings:Sqlite", "Data Source=:memory:", "in-memory")]
    public async Task StartAsync_InvalidSetting_FailsNamingTheSetting(string key, string value, string expected)
    {
        using var sut = BuildHost((key, value));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => sut.StartAsync(Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FileCannotBeOpened_FailsNamingTheFile()
    {
        Directory.CreateDirectory(_file.FilePath);
        using var sut = BuildHost(("ConnectionStrings:Sqlite", _file.ConnectionString));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.StartAsync(Ct));

        Assert.Contains($"Cannot open the SQLite database '{_file.FilePath}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteConnectionString_NotConfigured_IsTheDataFolderDefault()
    {
        var sut = StorageServiceCollectionExtensions.SqliteConnectionString(Configuration());

        Assert.Equal("Data Source=data/compassionbot.db", sut);
    }

    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddCompassionStorage(builder.Configuration);
        return builder.Build();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
