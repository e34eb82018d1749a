using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CompassionBot.BotFramework;

/// <summary>
/// Reads an OpenID configuration and its key set, keeping each key's Bot Framework <c>endorsements</c> (the channel
/// ids the key may sign for) in <see cref="JsonWebKey.AdditionalData"/> under <see cref="EndorsementsKey"/> as a
/// string array.
/// </summary>
internal sealed class SigningMetadataRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public const string EndorsementsKey = "endorsements";

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var document = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        var configuration = OpenIdConnectConfiguration.Create(document);
        if (string.IsNullOrEmpty(configuration.JwksUri))
        {
            throw new InvalidOperationException($"OpenID metadata at '{address}' has no jwks_uri.");
        }

        var keys = await retriever.GetDocumentAsync(configuration.JwksUri, cancel).ConfigureAwait(false);
        using var json = JsonDocument.Parse(keys);
        configuration.JsonWebKeySet = new JsonWebKeySet();
        foreach (var element in json.RootElement.GetProperty("keys").EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            key.AdditionalData[EndorsementsKey] = element.TryGetProperty(EndorsementsKey, out var endorsements) && endorsements.ValueKind == JsonValueKind.Array
                ? endorsements.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                : null!;
            configuration.JsonWebKeySet.Keys.Add(key);
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    /// <summary>The endorsements of <paramref name="key"/>, or null when the key set named none.</summary>
    public static IReadOnlyList<string>? GetEndorsements(SecurityKey? key) =>
        key is JsonWebKey jwk && jwk.AdditionalData.TryGetValue(EndorsementsKey, out var value) ? value as string[] : null;
}
