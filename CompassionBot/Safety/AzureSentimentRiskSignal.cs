using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CompassionBot.Safety;

/// <summary>
/// Raises a borderline message (level None with <c>distress.*</c> rules) to <see cref="RiskLevel.Concern"/> when Azure
/// AI Language finds it strongly negative. Never lowers a level; any fault leaves the local level and is logged
/// without the text. Messages the embedded detector found calm are not sent to the cloud at all.
/// </summary>
internal sealed class AzureSentimentRiskSignal(AzureLanguageClient client, IOptions<AzureLanguageOptions> options, ILogger<AzureSentimentRiskSignal> logger)
    : IRiskSignal
{
    public async Task<RiskLevel> RaiseAsync(string text, string? locale, SafetyAssessment local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(local);
        if (local.Level != RiskLevel.None || local.Rules.Count == 0)
        {
            return local.Level;
        }

        try
        {
            var negative = await client.NegativeConfidenceAsync(text, SupportedLocales.Match(locale) ?? SupportedLocales.English, cancellationToken);
            return negative >= options.Value.NegativeThreshold ? RiskLevel.Concern : local.Level;
        }
        catch (Exception exception) when (IsServiceFault(exception, cancellationToken))
        {
            AzureLanguageLog.SignalFailed(logger, exception.GetType().Name);
            return local.Level;
        }
    }

    private static bool IsServiceFault(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
