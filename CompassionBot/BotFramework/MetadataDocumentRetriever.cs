using Microsoft.IdentityModel.Protocols;

namespace CompassionBot.BotFramework;

/// <summary>Fetches OpenID metadata and key sets over HTTPS, or plain HTTP on loopback only.</summary>
internal sealed class MetadataDocumentRetriever(HttpClient httpClient) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || !LoopbackPolicy.IsAllowed(url))
        {
            throw new InvalidOperationException($"Metadata address '{address}' must use https (http only on loopback).");
        }

        using var response = await httpClient.GetAsync(url, cancel).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
