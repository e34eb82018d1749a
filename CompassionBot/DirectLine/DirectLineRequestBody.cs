using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Reads a request body up to <see cref="DirectLineOptions.MaxActivityBytes"/>; larger gets 413.</summary>
internal static class DirectLineRequestBody
{
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Failure)> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxActivityBytes;
        if (context.Request.ContentLength > limit)
        {
            return (default, TooLarge(limit));
        }

        // A chunked body has no length up front: read at most one byte past the limit to know.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (default, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge(int limit) =>
        DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {limit} bytes.");
}
