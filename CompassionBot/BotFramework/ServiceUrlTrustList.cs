using System.Collections.Concurrent;

namespace CompassionBot.BotFramework;

/// <summary>
/// The serviceUrls our bearer token may be sent to: only those that arrived on authenticated requests (or on a
/// conversation reference stored from one), so a forged serviceUrl can never make us leak the token.
/// </summary>
public sealed class ServiceUrlTrustList
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.Ordinal);

    /// <summary>Trusts <paramref name="serviceUrl"/> from now on.</summary>
    public void Trust(string serviceUrl) => _trusted.TryAdd(Normalize(serviceUrl), 0);

    /// <summary>Whether <paramref name="serviceUrl"/> was trusted.</summary>
    public bool IsTrusted(string serviceUrl) => _trusted.ContainsKey(Normalize(serviceUrl));

    /// <summary>Scheme, host and port lower-cased; path kept, with a trailing slash.</summary>
    public static string Normalize(string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var url = new Uri(serviceUrl, UriKind.Absolute);
        var path = url.AbsolutePath.EndsWith('/') ? url.AbsolutePath : url.AbsolutePath + "/";
        return $"{url.Scheme}://{url.Authority}{path}".ToLowerInvariant();
    }
}
