using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety;

/// <summary>Typed HttpClient for Azure AI Language sentiment (<c>POST {endpoint}/language/:analyze-text?api-version=2023-04-01</c>).
/// Retries, circuit breaker and the total timeout come from the resilience handler registered with it.</summary>
internal sealed class AzureLanguageClient(HttpClient http, IOptions<AzureLanguageOptions> options)
{
    private const string Path = "language/:analyze-text?api-version=2023-04-01";

    /// <summary>The negative-sentiment confidence (0–1) of <paramref name="text"/>, or null when the service returned no score.</summary>
    /// <exception cref="HttpRequestException">The service failed.</exception>
    public async Task<double?> NegativeConfidenceAsync(string text, string language, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint!, Path))
        {
            Content = JsonHttpContent.Create(AzureSentimentRequest.For(text, language), AzureLanguageJsonContext.Default.AzureSentimentRequest),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(AzureLanguageJsonContext.Default.AzureSentimentResponse, cancellationToken);
        return body?.Results?.Documents?.FirstOrDefault(d => d.Id == "1")?.ConfidenceScores?.Negative;
    }
}
