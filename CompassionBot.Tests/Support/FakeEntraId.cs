using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A loopback Microsoft Entra ID for one tenant: OpenID metadata, signing keys, an authorize endpoint that signs in
/// the user set with <see cref="SignInAs"/> and answers with a form post (as Entra ID does), and a token endpoint that
/// redeems its codes for RS256 id_tokens (<c>tid</c>, <c>preferred_username</c>, <c>name</c>, <c>roles</c>, the nonce).
/// The service is configured with <see cref="Instance"/>, an https host; <see cref="CreateRedirectHandler"/> sends
/// its back-channel calls here.
/// </summary>
public sealed class FakeEntraId : IAsyncDisposable
{
    public const string ClientId = "66666666-7777-8888-9999-000000000000";
    public const string ClientSecret = "fake-entra-client-secret";

    /// <summary>The sign-in host the service is configured with.</summary>
    public static readonly Uri Instance = new("https://login.entra.example/");

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "entra-key" };
    private readonly ConcurrentDictionary<string, (EntraUser User, string Nonce, string ClientId)> _codes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private LoopbackServer? _server;
    private EntraUser? _user;

    private FakeEntraId(TimeProvider time) => _time = time;

    /// <summary>
    /// This fake's tenant, new for every instance. Microsoft.IdentityModel keeps one issuer validator per authority
    /// (instance and tenant) for the whole process, bound to the back channel of the first service that asked for it:
    /// with one tenant for every test, a test whose service (and fake) had gone left the next tests' sign-ins to fail,
    /// depending on the order the tests ran in.
    /// </summary>
    public string TenantId { get; } = Guid.NewGuid().ToString();

    /// <summary>The issuer of its tokens.</summary>
    public string Issuer => $"{Instance.AbsoluteUri}{TenantId}/v2.0";

    /// <summary>The <c>Clinic:EntraId</c> settings of a service that signs clinicians in here.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Clinic:EntraId:Instance"] = Instance.AbsoluteUri,
        ["Clinic:EntraId:TenantId"] = TenantId,
        ["Clinic:EntraId:ClientId"] = ClientId,
        ["Clinic:EntraId:ClientSecret"] = ClientSecret,
    };

    /// <summary>Token requests whose client secret was wrong.</summary>
    public int RefusedTokenRequests { get; private set; }

    /// <param name="time">The clock of the tokens' iat, nbf and exp.</param>
    public static async Task<FakeEntraId> StartAsync(TimeProvider time)
    {
        var entra = new FakeEntraId(time);
        entra._server = await LoopbackServer.StartAsync(entra.HandleAsync);
        return entra;
    }

    /// <summary>The user the next authorize request signs in.</summary>
    public void SignInAs(EntraUser user) => _user = user;

    /// <summary>Sends requests for <see cref="Instance"/> to this loopback server.</summary>
    public DelegatingHandler CreateRedirectHandler() => new RedirectHandler(_server!.BaseAddress);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var prefix = $"/{TenantId}";
        if (path == $"{prefix}/v2.0/.well-known/openid-configuration")
        {
            await WriteJsonAsync(context, Metadata());
        }
        else if (path == $"{prefix}/discovery/v2.0/keys")
        {
            await WriteJsonAsync(context, KeySet());
        }
        else if (path == $"{prefix}/oauth2/v2.0/authorize")
        {
            await AuthorizeAsync(context);
        }
        else if (path == $"{prefix}/oauth2/v2.0/token" && HttpMethods.IsPost(context.Request.Method))
        {
            await TokenAsync(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private JsonObject Metadata()
    {
        var tenant = $"{Instance.AbsoluteUri}{TenantId}";
        return new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{tenant}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{tenant}/discovery/v2.0/keys",
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token"),
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
        };
    }

    private JsonObject KeySet()
    {
        var parameters = _key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = _key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        };
    }

    // Signs in the chosen user at once and posts the code back to the app, as Entra ID's form_post response mode does.
    private async Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (_user is not { } user || query["response_mode"] != "form_post" || query["redirect_uri"] is not [{ } redirectUri])
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (user, query["nonce"].ToString(), query["client_id"].ToString());
        var html = HtmlEncoder.Default;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync(
            $"""<html><body onload="document.forms[0].submit()"><form method="post" action="{html.Encode(redirectUri)}">""" +
            $"""<input type="hidden" name="code" value="{code}"/><input type="hidden" name="state" value="{html.Encode(query["state"].ToString())}"/>""" +
            "</form></body></html>",
            context.RequestAborted);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["client_secret"] != ClientSecret)
        {
            RefusedTokenRequests++;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteJsonAsync(context, new JsonObject { ["error"] = "invalid_client" });
            return;
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant) || grant.ClientId != form["client_id"])
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteJsonAsync(context, new JsonObject { ["error"] = "invalid_grant" });
            return;
        }

        await WriteJsonAsync(context, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["access_token"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["id_token"] = IdToken(grant.User, grant.Nonce, grant.ClientId),
        });
    }

    private string IdToken(EntraUser user, string nonce, string audience)
    {
        var now = _time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["ver"] = "2.0",
            ["sub"] = user.ObjectId,
            ["oid"] = user.ObjectId,
            ["nonce"] = nonce,
        };
        if (user.PreferredUsername is not null)
        {
            claims["preferred_username"] = user.PreferredUsername;
        }

        if (user.Name is not null)
        {
            claims["name"] = user.Name;
        }

        if (user.Roles.Count > 0)
        {
            claims["roles"] = user.Roles.ToArray();
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1).UtcDateTime,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _key.Rsa.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private sealed class RedirectHandler(Uri target) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(target, request.RequestUri!.PathAndQuery.TrimStart('/'));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
