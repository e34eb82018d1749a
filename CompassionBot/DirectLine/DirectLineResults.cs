using System.Globalization;
using System.Threading.RateLimiting;

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

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>.</summary>
    public static IResult Unauthorized(string message) =>
        new WithHeaderResult(Error(StatusCodes.Status401Unauthorized, "Unauthorized", message), "WWW-Authenticate", "Bearer");

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least 1) when <paramref name="lease"/> knows it.</summary>
    public static IResult TooManyRequests(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var inner = Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; try again later.");
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? new WithHeaderResult(inner, "Retry-After", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            : inner;
    }

    /// <summary><paramref name="inner"/> with one more response header.</summary>
    private sealed class WithHeaderResult(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
