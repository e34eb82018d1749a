using System.Security.Cryptography;
using System.Text;

namespace CompassionBot.Tests.Support;

/// <summary>Computes X-Twilio-Signature as Twilio documents it (independently of the SDK under test).</summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IReadOnlyDictionary<string, string> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // Twilio's webhook signature is defined as HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
