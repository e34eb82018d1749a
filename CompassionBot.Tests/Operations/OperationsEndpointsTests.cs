using System.Net;
using System.Text.Json;
using CompassionBot.Storage;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Operations;

public sealed class OperationsEndpointsTests
{
    [Fact]
    public async Task Healthz_Running_Answers200PlainHealthy()
    {
        await using var sut = new OperationsAppFactory();
        using var http = sut.CreateClient();

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Readyz_SqliteMigrated_Answers200WithSchemaVersion()
    {
        using var file = new TemporarySqliteFile();
        await using var sut = SqliteApp(file);
        using var http = sut.CreateClient();

        var (status, storage) = await GetReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", storage.GetProperty("status").GetString());
        Assert.True(storage.GetProperty("reachable").GetBoolean());
        Assert.Equal(storage.GetProperty("expectedVersion").GetInt32(), storage.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task Readyz_MemoryProvider_Answers200()
    {
        await using var sut = new OperationsAppFactory();
        using var http = sut.CreateClient();

        var (status, _) = await GetReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Readyz_BeforeStartupMigration_Answers503MigrationsPending()
    {
        using var file = new TemporarySqliteFile();

        // Without the start-up migration the host serves with the schema not yet applied.
        await using var sut = SqliteApp(file, services => services.RemoveAll<IHostedService>());
        using var http = sut.CreateClient();

        var (status, storage) = await GetReadyAsync(http);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
        Assert.Equal(StorageReadiness.MigrationsPending, storage.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Readyz_DatabaseFileReplacedByFolder_Answers503UnreachableWithoutThePathOnceTheLastAnswerIsStale()
    {
        var ct = TestContext.Current.CancellationToken;
        using var file = new TemporarySqliteFile();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        await using var sut = SqliteApp(file, services => services.AddSingleton<TimeProvider>(clock));
        using var http = sut.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetReadyAsync(http)).Status);
        MakeUnopenable(file);
        clock.Advance(TimeSpan.FromSeconds(2));

        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(StorageReadiness.Unreachable, JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("storage").GetProperty("reason").GetString());
        Assert.DoesNotContain(file.Folder, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Healthz_DatabaseUnusable_StillAnswers200()
    {
        using var file = new TemporarySqliteFile();
        await using var sut = SqliteApp(file);
        using var http = sut.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetReadyAsync(http)).Status);
        MakeUnopenable(file);

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static OperationsAppFactory SqliteApp(TemporarySqliteFile file, Action<IServiceCollection>? configureServices = null) =>
        new(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = file.ConnectionString,
        }, configureServices);

    // Root ignores file permissions, but nobody can open a folder as a database.
    private static void MakeUnopenable(TemporarySqliteFile file)
    {
        foreach (var path in new[] { file.FilePath, file.FilePath + "-wal", file.FilePath + "-shm" })
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(file.FilePath);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Storage)> GetReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, document.RootElement.GetProperty("checks").GetProperty("storage").Clone());
    }
}
