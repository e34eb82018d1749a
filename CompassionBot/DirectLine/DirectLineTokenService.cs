using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompassionBot.DirectLine;

/// <summary>
/// Issues and validates Direct Line tokens: HMAC-signed JWTs bound to one conversation (claim <c>conv</c>) and,
/// when known, one user (claim <c>user</c>, which Web Chat reads to know who it is).
/// </summary>
internal sealed class DirectLineTokenService
{
    internal const string Issuer = "compassionbot/directline";
    internal const string Audience = "compassionbot/directline";
    internal const string ConversationClaim = "conv";
    internal const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(DirectLineSigningKey signingKey, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(options);
        _key = signingKey.Key;
        _time = time;
        _lifetime = options.Value.TokenLifetime;
    }

    public TimeSpan Lifetime => _lifetime;

    public DirectLineToken Issue(string conversationId, string? userId)
    {
        // Whole seconds: JWT times are seconds, so the claims we hand out equal what validation reads back.
        var now = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + _lifetime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [ConversationClaim] = conversationId };
        if (userId is not null)
        {
            claims[UserClaim] = userId;
        }

        var value = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return new DirectLineToken(value, new DirectLineTokenClaims(conversationId, userId, expires));
    }

    public async Task<(DirectLineTokenStatus Status, DirectLineTokenClaims? Claims)> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,

            // Lifetime is checked below against the injected clock, which the library's check does not use.
            ValidateLifetime = false,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        // A token is good from nbf up to (not including) exp, to the second, on both bounds alike: no clock skew is
        // allowed on either, because the instances that issue and check tokens read the same clock source.
        var jwt = (JsonWebToken)result.SecurityToken;
        var now = _time.GetUtcNow();
        if (now >= new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero))
        {
            return (DirectLineTokenStatus.Expired, null);
        }

        if (now < new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero))
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        if (!jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId) || string.IsNullOrEmpty(conversationId))
        {
            return (DirectLineTokenStatus.Invalid, null);
        }

        var userId = jwt.TryGetPayloadValue<string>(UserClaim, out var user) ? user : null;
        return (DirectLineTokenStatus.Valid, new DirectLineTokenClaims(conversationId, userId, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)));
    }
}
