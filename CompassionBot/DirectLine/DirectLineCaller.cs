using System.Globalization;
using System.Security.Claims;

namespace CompassionBot.DirectLine;

/// <summary>
/// Who is calling: a holder of a secret (any conversation) or of a token (one conversation), carried as the claims of
/// the Direct Line scheme's identity.
/// </summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineTokenClaims? Token)
{
    private const string CredentialClaim = "directline:credential";
    private const string SecretCredential = "secret";
    private const string TokenCredential = "token";
    private const string ExpiresClaim = "exp";

    public static DirectLineCaller Secret { get; } = new(true, null);

    public string? UserId => Token?.UserId;

    public bool CanAccess(string conversationId) =>
        IsSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);

    /// <summary>The caller as the identity of an authenticated request.</summary>
    public ClaimsIdentity ToIdentity(string authenticationType)
    {
        if (Token is not { } token)
        {
            return new([new Claim(CredentialClaim, SecretCredential)], authenticationType);
        }

        var identity = new ClaimsIdentity(authenticationType);
        identity.AddClaim(new Claim(CredentialClaim, TokenCredential));
        identity.AddClaim(new Claim(DirectLineTokenService.ConversationClaim, token.ConversationId));
        identity.AddClaim(new Claim(ExpiresClaim, token.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        if (token.UserId is not null)
        {
            identity.AddClaim(new Claim(DirectLineTokenService.UserClaim, token.UserId));
        }

        return identity;
    }

    /// <summary>The caller <paramref name="user"/> authenticated as (the Direct Line policies guarantee there is one).</summary>
    public static DirectLineCaller From(ClaimsPrincipal user) =>
        Find(user) ?? throw new InvalidOperationException("Not an authenticated Direct Line request.");

    /// <summary>The caller <paramref name="user"/> authenticated as, or null when it is not a Direct Line caller.</summary>
    public static DirectLineCaller? Find(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        switch (user.FindFirst(CredentialClaim)?.Value)
        {
            case SecretCredential:
                return Secret;
            case TokenCredential:
                var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(user.FindFirst(ExpiresClaim)!.Value, CultureInfo.InvariantCulture));
                var conversationId = user.FindFirst(DirectLineTokenService.ConversationClaim)!.Value;
                return new DirectLineCaller(false, new DirectLineTokenClaims(conversationId, user.FindFirst(DirectLineTokenService.UserClaim)?.Value, expires));
            default:
                return null;
        }
    }
}
