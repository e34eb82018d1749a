namespace CompassionBot.LoadTest;

/// <summary>The HttpClient a load run sends its inbound activities with: enough connections for every worker, no proxy.</summary>
internal static class LoadClients
{
    public static HttpClient For(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }
}
