using Microsoft.Extensions.Options;

namespace CompassionBot.Hosting;

/// <summary>
/// Keeps request URLs out of the log whatever the configuration: ASP.NET Core's per-request lines
/// ("Request starting … ?t=…") and the HTTP logging middleware write the full URL, query string included, and the
/// query can hold a Direct Line stream token. Runs after the configuration's rules and adds, for every provider a rule
/// names and for all others, a rule for exactly those categories at <see cref="LogLevel.Warning"/>: the most specific
/// rule wins in <c>Microsoft.Extensions.Logging</c>, and among equals the last, so no configured level can open them.
/// Their warnings and errors (which hold no URL) still get through.
/// </summary>
internal sealed class RequestUrlLogPolicy : IPostConfigureOptions<LoggerFilterOptions>
{
    /// <summary>The categories whose information and debug lines carry request URLs or headers.</summary>
    public static readonly IReadOnlyList<string> Categories = ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.HttpLogging"];

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var providers = options.Rules.Select(rule => rule.ProviderName).Append(null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var provider in providers)
        {
            foreach (var category in Categories)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, filter: null));
            }
        }
    }
}
