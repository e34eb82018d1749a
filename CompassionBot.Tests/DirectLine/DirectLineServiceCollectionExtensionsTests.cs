using CompassionBot.DirectLine;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.DirectLine;

public sealed class DirectLineServiceCollectionExtensionsTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("Sqlite", typeof(InProcessDirectLineNotifier))]
    [InlineData("Postgres", typeof(PostgresDirectLineNotifier))]
    public async Task AddDirectLine_Provider_LogOnItsDatabaseAndNotifierThatReachesEveryInstance(string provider, Type notifier)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        await using var sut = new DirectLineAppFactory(_data.Path, settings: database.Settings);

        Assert.IsType<RelationalDirectLineStore>(sut.Services.GetRequiredService<IDirectLineStore>());
        Assert.IsType(notifier, sut.Services.GetRequiredService<IDirectLineNotifier>());
    }

    public void Dispose() => _data.Dispose();
}
