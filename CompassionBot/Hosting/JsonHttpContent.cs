using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Hosting;

/// <summary>
/// Outbound JSON request bodies, serialized before sending so they carry a <c>Content-Length</c>. A streamed
/// <c>JsonContent</c> goes out chunked, which costs the sender extra writes and the receiver chunk parsing on every
/// reply, and which some receivers (webhooks behind older proxies) refuse.
/// </summary>
internal static class JsonHttpContent
{
    /// <summary>A body of <paramref name="value"/> as UTF-8 JSON.</summary>
    public static ByteArrayContent Create<T>(T value, JsonTypeInfo<T> typeInfo) =>
        FromUtf8(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>A body of already serialized UTF-8 JSON (e.g. when it is also signed).</summary>
    public static ByteArrayContent FromUtf8(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
