using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CompassionBot.Safety;

/// <summary>
/// Raises a borderline message (level None with <c>distress.*</c> rules, or the semantic layer's risk at
/// <see cref="CrisisScreen.BorderlineRisk"/> or more) when Azure AI Content Safety finds self-harm (crisis or concern) or
/// violence (concern only) at or above the configured severities. Never lowers a level; any fault leaves the local level
/// and is logged without the text. Messages the embedded detector found calm are not sent to the cloud at all.
/// </summary>
internal sealed class ContentSafetyRiskSignal(ContentSafetyClient client, IOptions<ContentSafetyOptions> options, ILogger<ContentSafetyRiskSignal> logger)
    : IRiskSignal
{
    public async Task<RiskLevel> RaiseAsync(string text, string? locale, SafetyAssessment local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(local);
        if (!IsBorderline(local))
        {
            return local.Level;
        }

        try
        {
            var severities = await client.AnalyzeAsync(text, cancellationToken);
            var level = LevelFor(severities, options.Value);
            if (level <= local.Level)
            {
                return local.Level;
            }

            ContentSafetyLog.Raised(logger, level, severities.SelfHarm, severities.Violence);
            return level;
        }
        catch (Exception exception) when (IsServiceFault(exception, cancellationToken))
        {
            ContentSafetyLog.SignalFailed(logger, exception.GetType().Name);
            return local.Level;
        }
    }

    // The screen's own test (CrisisScreen.IsBorderline), repeated so that the signal keeps calm text local on its own.
    private static bool IsBorderline(SafetyAssessment local) =>
        local.Level == RiskLevel.None && (local.Rules.Count > 0 || local.Model is { AnyRisk: >= CrisisScreen.BorderlineRisk });

    private static RiskLevel LevelFor(ContentSafetySeverities severities, ContentSafetyOptions settings) =>
        severities.SelfHarm >= settings.SelfHarmCrisisSeverity ? RiskLevel.Crisis
        : severities.SelfHarm >= settings.SelfHarmConcernSeverity || severities.Violence >= settings.ViolenceConcernSeverity ? RiskLevel.Concern
        : RiskLevel.None;

    private static bool IsServiceFault(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
