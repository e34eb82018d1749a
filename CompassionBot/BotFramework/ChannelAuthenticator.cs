using CompassionBot.Hosting;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CompassionBot.BotFramework;

/// <summary>
/// Validates the bearer token on an inbound Bot Framework request (channel-auth spec): signature by a key from the
/// cached OpenID metadata (refreshed once on an unknown <c>kid</c>, never fetched per request), issuer, audience = our
/// app id, lifetime with 5 minutes of skew, RS256/384/512 only; an Emulator-issued token must name our app id in
/// <c>appid</c> (v1) or <c>azp</c> (v2). The token's <c>serviceurl</c> claim and its key's endorsements become the
/// caller's claims (<see cref="ChannelIdentity"/>), which <see cref="ChannelActivityAuthorizationHandler"/> checks
/// against the activity.
/// </summary>
internal sealed class ChannelAuthenticator
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _channelMetadata;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _emulatorMetadata;

    public ChannelAuthenticator(IOptions<BotFrameworkOptions> options, TimeProvider timeProvider, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _timeProvider = timeProvider;
        if (!_options.IsLocalMode)
        {
            var documents = new MetadataDocumentRetriever(httpClientFactory.CreateClient(BotFrameworkHttpClients.Metadata));
            _channelMetadata = new(_options.ToBotFromChannelOpenIdMetadataUrl.AbsoluteUri, new SigningMetadataRetriever(), documents);
            _emulatorMetadata = new(_options.ToBotFromEmulatorOpenIdMetadataUrl.AbsoluteUri, new SigningMetadataRetriever(), documents);
        }
    }

    /// <summary>
    /// The caller named by <paramref name="authorization"/> (the raw header), or why it names none (for the log; never
    /// the token). In local mode every caller is <see cref="ChannelIdentity.Anonymous"/>.
    /// </summary>
    public async Task<(ClaimsIdentity? Identity, string? Failure)> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (_channelMetadata is null || _emulatorMetadata is null)
        {
            return (ChannelIdentity.Anonymous(), null);
        }

        if (!TryGetBearerToken(authorization, out var token))
        {
            return (null, "no bearer token");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (null, "malformed token");
        }

        var emulatorIssuers = EmulatorIssuers.For(_options);
        return emulatorIssuers.Contains(unvalidated.Issuer, StringComparer.Ordinal)
            ? await AuthenticateEmulatorAsync(token, unvalidated.Kid, emulatorIssuers, cancellationToken).ConfigureAwait(false)
            : await AuthenticateChannelAsync(token, unvalidated.Kid, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ClaimsIdentity? Identity, string? Failure)> AuthenticateChannelAsync(string token, string? kid, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(token, kid, _channelMetadata!, [_options.ToBotFromChannelTokenIssuer], cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var serviceUrl = jwt.TryGetPayloadValue<string>(ChannelIdentity.ServiceUrlClaim, out var claimed) ? claimed : null;
        return (ChannelIdentity.Channel(serviceUrl, SigningMetadataRetriever.GetEndorsements(jwt.SigningKey) ?? []), null);
    }

    private async Task<(ClaimsIdentity? Identity, string? Failure)> AuthenticateEmulatorAsync(
        string token, string? kid, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(token, kid, _emulatorMetadata!, issuers, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.TryGetPayloadValue<string>("ver", out var version);
        var appIdClaim = string.Equals(version, "2.0", StringComparison.Ordinal) ? "azp" : "appid";
        return jwt.TryGetPayloadValue<string>(appIdClaim, out var appId) && string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
            ? (ChannelIdentity.Emulator(), null)
            : (null, $"emulator token was issued to another app ({appIdClaim})");
    }

    private async Task<TokenValidationResult> ValidateAsync(
        string token, string? kid, ConfigurationManager<OpenIdConnectConfiguration> metadata, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        var configuration = await GetMetadataAsync(metadata, cancellationToken).ConfigureAwait(false);
        if (kid is not null && !configuration.SigningKeys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)))
        {
            // Keys roll over at any time: an unknown kid asks for one refresh (the manager throttles repeats).
            metadata.RequestRefresh();
            configuration = await GetMetadataAsync(metadata, cancellationToken).ConfigureAwait(false);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = IsWithinLifetime,
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    // The manager keeps serving what it last fetched while a refresh fails; it throws only when it has nothing.
    private static async Task<OpenIdConnectConfiguration> GetMetadataAsync(ConfigurationManager<OpenIdConnectConfiguration> metadata, CancellationToken cancellationToken)
    {
        try
        {
            return await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AuthenticationUnavailableException("The channel's OpenID metadata could not be fetched.", exception);
        }
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.Add(ClockSkew) >= now && (notBefore is not { } nbf || nbf.Subtract(ClockSkew) <= now);
    }

    private static bool TryGetBearerToken(string? authorization, out string token)
    {
        token = string.Empty;
        var parts = authorization?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 } || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = parts[1];
        return true;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException => "token expired or not yet valid",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience (token for another app)",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenMalformedException => "malformed token",
        null => "invalid token",
        _ => exception.GetType().Name,
    };
}
