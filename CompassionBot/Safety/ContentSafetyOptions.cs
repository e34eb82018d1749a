using System.ComponentModel.DataAnnotations;

namespace CompassionBot.Safety;

/// <summary>
/// Optional Azure AI Content Safety signal (text analysis, SelfHarm and Violence categories). Off unless both endpoint
/// and key are set. Severities are the service's FourSeverityLevels: 0, 2, 4 or 6.
/// </summary>
public sealed class ContentSafetyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Safety:ContentSafety";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.cognitiveservices.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key (sent as <c>Ocp-Apim-Subscription-Key</c>; keep it in user secrets or Key Vault).</summary>
    public string? Key { get; set; }

    /// <summary>Total time allowed for one analysis, retries included. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>SelfHarm severity (0–7) at or above which a borderline message becomes a crisis. Default 4 (medium).</summary>
    [Range(0, 7)]
    public int SelfHarmCrisisSeverity { get; set; } = 4;

    /// <summary>SelfHarm severity (0–7) at or above which a borderline message becomes a concern. Default 2 (low).</summary>
    [Range(0, 7)]
    public int SelfHarmConcernSeverity { get; set; } = 2;

    /// <summary>Violence severity (0–7) at or above which a borderline message becomes a concern (never a crisis: the
    /// violence may be someone else's). Default 4 (medium).</summary>
    [Range(0, 7)]
    public int ViolenceConcernSeverity { get; set; } = 4;

    /// <summary>Whether the signal is configured.</summary>
    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Key);
}
