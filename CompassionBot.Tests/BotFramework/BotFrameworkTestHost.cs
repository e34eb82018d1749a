using CompassionBot.BotFramework;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Hosting;
using CompassionBot.Storage.Relational;
using CompassionBot.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.BotFramework;

/// <summary>The real host (WebApplicationFactory&lt;Program&gt;) with the test bot, a fake clock and collected logs.</summary>
public sealed class BotFrameworkTestHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public BotFrameworkTestHost(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // Each host starts from empty state: tests assert that bad requests store nothing.
            builder.UseSetting("Storage:Provider", "Memory");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ITurnHandler>(Bot);
                services.AddSingleton<ITurnErrorHandler>(new TestTurnErrorHandler());
                services.AddSingleton<TimeProvider>(Time);
                configureServices?.Invoke(services);
            });
        });
        Client = _factory.CreateClient();
    }

    public TestTurnHandler Bot { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public CollectingLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; }

    /// <summary>
    /// A client that sends request bodies as given. <see cref="Client"/> follows redirects, and to resend a body its
    /// redirect handler copies it into a stream of known length, so every POST it makes gets a Content-Length.
    /// </summary>
    public HttpClient CreateClientWithoutRedirects() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public IServiceProvider Services => _factory.Services;

    public IStorage Storage => Services.GetRequiredService<IStorage>();

    public IConversationReferenceStore References => Services.GetRequiredService<IConversationReferenceStore>();

    /// <summary>How many conversation references are stored.</summary>
    public async Task<long> ReferenceCountAsync()
    {
        await using var connection = await Services.GetRequiredService<IRelationalDatabase>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM conversation_references;");
    }

    public Task WhenTurnsIdleAsync() => Services.GetRequiredService<BackgroundTurnRunner>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>
    /// Moves the fake clock forward in <paramref name="step"/>s until <paramref name="condition"/> holds, letting
    /// continuations run between steps (a real-time cap of 30 s only guards against a hang).
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cap.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Time.Advance(step);
            await Task.Delay(5, cap.Token);
        }
    }

    public async Task<bool> HasConversationStateAsync(string channelId, string conversationId)
    {
        var items = await Storage.ReadAsync([$"{channelId}/conversations/{conversationId}"], TestContext.Current.CancellationToken);
        return items.Count > 0;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
