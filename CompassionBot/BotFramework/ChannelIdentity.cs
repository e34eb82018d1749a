using System.Security.Claims;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.BotFramework;

/// <summary>
/// Who sent a request to <c>/api/messages</c>, as claims: the kind of token (the identity's authentication type), the
/// token's <c>serviceurl</c> and the channels its signing key is endorsed for. As in the Bot Framework SDK, local mode
/// makes every caller <see cref="Anonymous"/>, an identity with nothing to check.
/// </summary>
internal static class ChannelIdentity
{
    /// <summary>Authentication type of a token the Bot Framework channels signed.</summary>
    public const string ChannelTokenType = "BotFrameworkChannel";

    /// <summary>Authentication type of a token the Bot Framework Emulator obtained from Entra ID.</summary>
    public const string EmulatorTokenType = "BotFrameworkEmulator";

    /// <summary>Authentication type in local mode (no app id configured).</summary>
    public const string AnonymousType = "anonymous";

    /// <summary>The channel token's claim naming the serviceUrl the channel sends from.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>A channel id the token's signing key may sign for (one claim each).</summary>
    public const string EndorsementClaim = "endorsement";

    /// <summary>The only channel an Emulator token is good for.</summary>
    public const string EmulatorChannelId = "emulator";

    public static ClaimsIdentity Anonymous() => new(AnonymousType);

    public static ClaimsIdentity Channel(string? serviceUrl, IEnumerable<string> endorsements)
    {
        var identity = new ClaimsIdentity(ChannelTokenType);
        if (!string.IsNullOrEmpty(serviceUrl))
        {
            identity.AddClaim(new Claim(ServiceUrlClaim, serviceUrl));
        }

        identity.AddClaims(endorsements.Select(channel => new Claim(EndorsementClaim, channel)));
        return identity;
    }

    public static ClaimsIdentity Emulator() => new([new Claim(EndorsementClaim, EmulatorChannelId)], EmulatorTokenType);

    /// <summary>Whether <paramref name="user"/> presented a validated token (false in local mode).</summary>
    public static bool IsVerified(ClaimsPrincipal user) =>
        user?.Identity?.AuthenticationType is ChannelTokenType or EmulatorTokenType;

    /// <summary>Why <paramref name="user"/> may not send <paramref name="activity"/>, or null when it may.</summary>
    public static string? Refusal(ClaimsPrincipal user, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(activity);
        var type = user.Identity?.AuthenticationType;
        if (type == AnonymousType)
        {
            return null;
        }

        if (type == ChannelTokenType)
        {
            var serviceUrl = user.FindFirst(ServiceUrlClaim)?.Value;
            if (serviceUrl is null)
            {
                return "missing serviceurl claim";
            }

            if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return "serviceurl claim does not match activity.serviceUrl";
            }
        }

        if (user.HasClaim(EndorsementClaim, activity.ChannelId ?? string.Empty))
        {
            return null;
        }

        return type == EmulatorTokenType
            ? $"emulator token used on channel '{activity.ChannelId}'"
            : $"signing key is not endorsed for channel '{activity.ChannelId}'";
    }
}
