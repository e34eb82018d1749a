using System.Net;

namespace CompassionBot.BotFramework;

/// <summary>HTTPS everywhere, except plain HTTP to a loopback address (tests and the Emulator on this machine).</summary>
internal static class LoopbackPolicy
{
    public static bool IsAllowed(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)));

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
