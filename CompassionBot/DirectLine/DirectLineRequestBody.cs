using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Reads a request body up to <see cref="DirectLineOptions.MaxActivityBytes"/>; larger gets 413.</summary>
internal static class DirectLineRequestBody
{
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Failure)> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxActivityBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        return body is null ? (default, TooLarge(limit)) : (body, null);
    }

    private static IResult TooLarge(int limit) =>
        DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {limit} bytes.");
}
