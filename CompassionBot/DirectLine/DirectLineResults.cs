namespace CompassionBot.DirectLine;

/// <summary>Direct Line responses: Conversation objects and Bot Framework ErrorResponse bodies.</summary>
internal static class DirectLineResults
{
    public static IResult Conversation(int statusCode, string conversationId, string token, TimeSpan expiresIn, string? streamUrl) =>
        TypedResults.Json(
            new ConversationResponse(conversationId, token, (int)Math.Max(0, expiresIn.TotalSeconds), streamUrl),
            DirectLineJsonContext.Default.ConversationResponse,
            statusCode: statusCode);

    public static IResult Error(int statusCode, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorBody(code, message)), DirectLineJsonContext.Default.ErrorResponse, statusCode: statusCode);

    public static IResult NotFound() =>
        Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");

    public static IResult Unauthorized(string message) =>
        new UnauthorizedResult(Error(StatusCodes.Status401Unauthorized, "Unauthorized", message));

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>.</summary>
    private sealed class UnauthorizedResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
