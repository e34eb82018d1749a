using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CompassionBot.Tests.Support;

/// <summary>The real service, in memory, with the given settings (default: in-memory state, no cloud credentials).</summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotApplicationFactory() : this(null)
    {
    }

    internal BotApplicationFactory(IReadOnlyDictionary<string, string?>? settings)
    {
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
    }
}
