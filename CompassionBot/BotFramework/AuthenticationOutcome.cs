namespace CompassionBot.BotFramework;

/// <summary>The result of checking an inbound request's token.</summary>
/// <param name="StatusCode">200 when accepted, else 401 (no or bad token) or 403 (valid token, wrong claims).</param>
/// <param name="Reason">Why it was refused (for the log; never contains the token).</param>
/// <param name="Authenticated">True when a token was validated (false in local mode).</param>
internal sealed record AuthenticationOutcome(int StatusCode, string? Reason, bool Authenticated)
{
    public static AuthenticationOutcome Anonymous { get; } = new(StatusCodes.Status200OK, null, false);

    public static AuthenticationOutcome Accepted { get; } = new(StatusCodes.Status200OK, null, true);

    public bool Succeeded => StatusCode == StatusCodes.Status200OK;

    public static AuthenticationOutcome Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason, false);

    public static AuthenticationOutcome Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason, false);
}
