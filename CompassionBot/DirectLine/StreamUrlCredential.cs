namespace CompassionBot.DirectLine;

/// <summary>
/// Endpoint metadata: the endpoint takes its credential from the URL's <c>t</c> as well as from the
/// <c>Authorization</c> header. Only the stream does, because Direct Line puts the token there (a browser cannot set
/// headers on a WebSocket); everywhere else a credential in the URL is ignored, so a secret or token never has to
/// travel where URLs are logged, cached or kept in history.
/// </summary>
internal sealed class StreamUrlCredential
{
    public static readonly StreamUrlCredential Accepted = new();

    private StreamUrlCredential()
    {
    }
}
