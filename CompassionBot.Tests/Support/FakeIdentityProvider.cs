using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Loopback OpenID metadata + JWKS (RSA keys generated here, with Bot Framework endorsements) and an OAuth token
/// endpoint for MSAL; mints channel tokens for tests.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EndorsedKeyId = "key-endorsed";
    public const string WebChatOnlyKeyId = "key-webchat-only";
    public const string UnpublishedKeyId = "key-unpublished";

    private readonly Dictionary<string, (RsaSecurityKey Key, string[]? Endorsements, bool Published)> _keys = new(StringComparer.Ordinal);
    private LoopbackServer? _server;
    private int _keyRequests;
    private int _tokenRequests;

    private FakeIdentityProvider()
    {
        AddKey(EndorsedKeyId, ["msteams", "emulator", "webchat", "directline", "sms"], published: true);
        AddKey(WebChatOnlyKeyId, ["webchat"], published: true);
        AddKey(UnpublishedKeyId, ["msteams"], published: false);
    }

    public Uri ChannelMetadataUrl => new(_server!.BaseAddress, "v1/.well-known/openidconfiguration");

    public Uri EmulatorMetadataUrl => new(_server!.BaseAddress, "emulator/.well-known/openid-configuration");

    public Uri BaseAddress => _server!.BaseAddress;

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary><c>expires_in</c> of issued access tokens, in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var provider = new FakeIdentityProvider();
        provider._server = await LoopbackServer.StartAsync(provider.HandleAsync);
        return provider;
    }

    /// <summary>Publishes a key that was not in the set before (key roll-over).</summary>
    public void Publish(string keyId) => _keys[keyId] = _keys[keyId] with { Published = true };

    /// <summary>Mints a channel token; every part can be overridden to make it invalid.</summary>
    public string CreateToken(
        string audience,
        string? serviceUrl,
        DateTimeOffset now,
        string issuer = ChannelIssuer,
        string keyId = EndorsedKeyId,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? lifetime = null,
        IDictionary<string, object>? extraClaims = null)
    {
        var notBefore = now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1));
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = (notBefore + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(_keys[keyId].Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given claims.</summary>
    public static string CreateUnsignedToken(string audience, string serviceUrl, DateTimeOffset now)
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + EndorsedKeyId + "\"}");
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = ChannelIssuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }.ToJsonString());
        return $"{header}.{payload}.";
    }

    /// <summary>Replaces the payload of a signed token (the signature no longer matches).</summary>
    public static string Tamper(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private void AddKey(string keyId, string[]? endorsements, bool published)
    {
        var rsa = RSA.Create(2048);
        _keys[keyId] = (new RsaSecurityKey(rsa) { KeyId = keyId }, endorsements, published);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        context.Response.ContentType = "application/json";
        if (path.EndsWith("openidconfiguration", StringComparison.Ordinal) || path.EndsWith("openid-configuration", StringComparison.Ordinal))
        {
            var metadata = new JsonObject
            {
                ["issuer"] = ChannelIssuer,
                ["jwks_uri"] = new Uri(BaseAddress, "keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            };
            await context.Response.WriteAsync(metadata.ToJsonString(), context.RequestAborted);
        }
        else if (path == "/keys")
        {
            Interlocked.Increment(ref _keyRequests);
            await context.Response.WriteAsync(KeySet(), context.RequestAborted);
        }
        else if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _tokenRequests);
            var token = new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = TokenLifetimeSeconds,
                ["ext_expires_in"] = TokenLifetimeSeconds,
                ["access_token"] = $"access-token-{n}",
            };
            await context.Response.WriteAsync(token.ToJsonString(), context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private string KeySet()
    {
        var keys = new JsonArray();
        foreach (var (keyId, (key, endorsements, published)) in _keys)
        {
            if (!published)
            {
                continue;
            }

            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = keyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)JsonValue.Create(e))]);
            }

            keys.Add(jwk);
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Redirects MSAL's https token requests to this loopback server (MSAL accepts https authorities only).</summary>
    public DelegatingHandler CreateRedirectHandler() => new RedirectHandler(BaseAddress);

    private sealed class RedirectHandler(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(target, request.RequestUri!.PathAndQuery.TrimStart('/'));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
