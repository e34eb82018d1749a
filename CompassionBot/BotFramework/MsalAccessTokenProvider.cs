using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace CompassionBot.BotFramework;

/// <summary>
/// Outbound tokens from MSAL: client credentials for MultiTenant/SingleTenant, the user-assigned managed identity for
/// UserAssignedMSI. MSAL's in-memory app cache keeps a token until shortly before it expires.
/// </summary>
internal sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    private readonly BotFrameworkOptions _options;
    private readonly IConfidentialClientApplication? _confidentialClient;
    private readonly IManagedIdentityApplication? _managedIdentity;

    public MsalAccessTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.IsLocalMode)
        {
            return;
        }

        var http = new MsalHttpClientFactory(httpClientFactory);
        if (string.Equals(_options.MicrosoftAppType, BotFrameworkAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId))
                .WithHttpClientFactory(http)
                .Build();
            return;
        }

        var builder = ConfidentialClientApplicationBuilder
            .Create(_options.MicrosoftAppId)
            .WithClientSecret(_options.MicrosoftAppPassword)
            .WithAuthority(_options.LoginAuthority.AbsoluteUri, _options.ValidateAuthority)
            .WithHttpClientFactory(http);
        if (!_options.ValidateAuthority)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        _confidentialClient = builder.Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_managedIdentity is not null)
        {
            var result = await _managedIdentity.AcquireTokenForManagedIdentity(_options.ToChannelFromBotOAuthScope).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        if (_confidentialClient is not null)
        {
            var result = await _confidentialClient.AcquireTokenForClient([_options.OAuthScopeDefault]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        return null;
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(BotFrameworkHttpClients.Msal);
    }
}
