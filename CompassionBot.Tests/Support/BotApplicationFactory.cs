using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Support;

/// <summary>The real service, in memory, with the given settings (default: in-memory state, no cloud credentials) and service overrides (e.g. a fake clock).</summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public BotApplicationFactory() : this(null)
    {
    }

    /// <param name="settings">Configuration added on top of the defaults.</param>
    /// <param name="configureServices">Service replacements applied after the application's own (fakes, FakeTimeProvider).</param>
    internal BotApplicationFactory(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        _settings = new(StringComparer.OrdinalIgnoreCase) { ["Storage:Provider"] = "Memory" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
