namespace CompassionBot.Hosting;

/// <summary>
/// What a credential is checked against (an identity provider's OpenID metadata or signing keys) could not be
/// reached. The request is refused (fails closed) with 503 and <c>Retry-After</c>, not 401: the caller did nothing
/// wrong and should retry.
/// </summary>
public sealed class AuthenticationUnavailableException : Exception
{
    public AuthenticationUnavailableException()
    {
    }

    public AuthenticationUnavailableException(string message)
        : base(message)
    {
    }

    public AuthenticationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
