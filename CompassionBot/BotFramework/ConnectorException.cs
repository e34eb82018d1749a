namespace CompassionBot.BotFramework;

/// <summary>The Bot Connector refused or failed an outbound call.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(string message, int? statusCode)
        : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status the Connector answered, if it answered.</summary>
    public int? StatusCode { get; }
}
