using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace CompassionBot.DirectLine;

/// <summary>Id formats of this channel.</summary>
internal static class DirectLineIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int UserRandomLength = 16;
    private static readonly SearchValues<char> UserIdCharacters = SearchValues.Create(Alphabet);

    /// <summary>A new conversation id: 22 random letters and digits (about 131 bits).</summary>
    public static string NewConversation() => RandomNumberGenerator.GetString(Alphabet, 22);

    /// <summary>A new user id; the <c>dl_</c> prefix marks ids the channel (not the client) chose.</summary>
    public static string NewUser() => "dl_" + RandomNumberGenerator.GetString(Alphabet, UserRandomLength);

    /// <summary>Whether <paramref name="id"/> has the form of a <see cref="NewUser"/> id (a page may bring one back).</summary>
    public static bool IsUser(string? id) =>
        id is { Length: UserRandomLength + 3 } && id.StartsWith("dl_", StringComparison.Ordinal) && !id.AsSpan(3).ContainsAnyExcept(UserIdCharacters);

    /// <summary>The id of the activity at <paramref name="watermark"/>.</summary>
    public static string Activity(string conversationId, long watermark) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{watermark:D7}");

    /// <summary>
    /// The id of an activity the log could not take (disk full), sent to open streams only: outside the watermark
    /// sequence, like a typing indicator's.
    /// </summary>
    public static string Unsaved(string conversationId) => $"{conversationId}|unsaved-{Guid.NewGuid():N}";

    /// <summary>A watermark from the wire: absent or malformed means "from the beginning".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static string FormatWatermark(long watermark) => watermark.ToString(CultureInfo.InvariantCulture);
}
