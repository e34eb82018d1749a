using System.Buffers;

namespace CompassionBot.Hosting;

/// <summary>Reads request bodies up to a limit, so no client can make the service hold more than it accepts.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body of <paramref name="request"/>, or null when it is longer than <paramref name="maxBytes"/>: a declared
    /// <c>Content-Length</c> above it is refused unread, a chunked body as soon as it passes it.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
