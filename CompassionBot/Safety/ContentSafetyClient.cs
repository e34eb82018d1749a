using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety;

/// <summary>Typed HttpClient for Azure AI Content Safety text analysis (<c>POST {endpoint}/contentsafety/text:analyze?api-version=2024-09-01</c>).
/// Retries, circuit breaker and the total timeout come from the resilience handler registered with it.</summary>
internal sealed class ContentSafetyClient(HttpClient http, IOptions<ContentSafetyOptions> options)
{
    private const string Path = "contentsafety/text:analyze?api-version=2024-09-01";

    /// <summary>The SelfHarm and Violence severities of <paramref name="text"/> (its first
    /// <see cref="ContentSafetyRequest.MaxTextLength"/> code points).</summary>
    /// <exception cref="HttpRequestException">The service failed.</exception>
    public async Task<ContentSafetySeverities> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint!, Path))
        {
            Content = JsonHttpContent.Create(ContentSafetyRequest.For(text), ContentSafetyJsonContext.Default.ContentSafetyRequest),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(ContentSafetyJsonContext.Default.ContentSafetyResponse, cancellationToken);
        return ContentSafetySeverities.From(body?.CategoriesAnalysis);
    }
}
