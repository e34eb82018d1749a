using System.Net;
using CompassionBot.Dialogs.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompassionBot.Tests.Support;

/// <summary>
/// The real service on a real Kestrel port (127.0.0.1, any free port) with its data (SQLite file, signing key) in
/// <paramref name="dataDirectory"/>, one secret and one allowed origin. By default the bot is <see cref="DirectLineTestBot"/>;
/// pass <c>useTestBot: false</c> to talk to the real bot, and <c>configureServices</c> for more replacements (a log collector).
/// </summary>
public sealed class DirectLineAppFactory(
    string dataDirectory,
    TimeProvider? time = null,
    bool useTestBot = true,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    public const string AllowedOrigin = "https://clinic.example";

    private Uri? _baseAddress;

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c> (starts the server).</summary>
    public Uri BaseAddress
    {
        get
        {
            if (_baseAddress is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
                _baseAddress = new Uri(addresses.First());
            }

            return _baseAddress;
        }
    }

    /// <summary>A client for the real port.</summary>
    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dataDirectory, "compassionbot.db")}");
        builder.UseSetting("DirectLine:SigningKeyPath", Path.Combine(dataDirectory, "directline-signing.key"));
        builder.UseSetting("DirectLine:Secrets:0", Secret);
        builder.UseSetting("DirectLine:AllowedOrigins:0", AllowedOrigin);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(time);
            }

            if (useTestBot)
            {
                services.RemoveAll<ITurnHandler>();
                services.AddSingleton<ITurnHandler, DirectLineTestBot>();
            }

            services.TryAddSingleton<ITurnErrorHandler, TestTurnErrorHandler>();
            configureServices?.Invoke(services);
        });
    }
}
