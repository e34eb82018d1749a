using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CompassionBot.DirectLine;

/// <summary>Reads the bearer credential of a Direct Line request: a configured secret or a token we issued.</summary>
internal sealed class DirectLineAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private readonly byte[][] _secretHashes;
    private readonly DirectLineTokenService _tokens;

    public DirectLineAuthenticator(IOptions<DirectLineOptions> options, DirectLineTokenService tokens)
    {
        ArgumentNullException.ThrowIfNull(options);
        _secretHashes = [.. options.Value.Secrets.Select(s => SHA256.HashData(Encoding.UTF8.GetBytes(s)))];
        _tokens = tokens;
    }

    /// <summary>
    /// The bearer credential from the Authorization header, or the <c>t</c> query on the stream URL
    /// (<see cref="StreamUrlCredential"/>) and nowhere else.
    /// </summary>
    public static string? ReadCredential(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[BearerPrefix.Length..].Trim();
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<StreamUrlCredential>() is not null && context.Request.Query["t"].ToString() is { Length: > 0 } t ? t : null;
    }

    /// <summary>Who <paramref name="credential"/> (a secret or a token) names; no caller unless it is valid.</summary>
    public async Task<(DirectLineTokenStatus Status, DirectLineCaller? Caller)> AuthenticateAsync(string credential)
    {
        if (IsSecret(credential))
        {
            return (DirectLineTokenStatus.Valid, DirectLineCaller.Secret);
        }

        var (status, claims) = await _tokens.ValidateAsync(credential).ConfigureAwait(false);
        return (status, claims is null ? null : new DirectLineCaller(false, claims));
    }

    public bool IsSecret(string credential)
    {
        // Hashing first gives equal lengths, so FixedTimeEquals compares in constant time; every secret is checked.
        var candidate = SHA256.HashData(Encoding.UTF8.GetBytes(credential));
        var match = false;
        foreach (var hash in _secretHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(candidate, hash);
        }

        return match;
    }
}
