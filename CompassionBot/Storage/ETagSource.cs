using System.Globalization;
using System.Security.Cryptography;

namespace CompassionBot.Storage;

/// <summary>
/// Makes ETags unique across processes sharing one database: a random per-instance prefix plus a counter, so two
/// instances never hand out the same ETag for different versions of a document.
/// </summary>
internal sealed class ETagSource
{
    private readonly string _prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".";
    private long _counter;

    /// <summary>A new ETag, never <c>"*"</c> or empty.</summary>
    public string Next()
    {
        var value = Interlocked.Increment(ref _counter);
        return string.Create(CultureInfo.InvariantCulture, $"{_prefix}{value:x}");
    }
}
