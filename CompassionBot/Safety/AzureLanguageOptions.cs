using System.ComponentModel.DataAnnotations;

namespace CompassionBot.Safety;

/// <summary>Optional Azure AI Language (Text Analytics) sentiment signal. Off unless both endpoint and key are set.</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Safety:AzureLanguage";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.cognitiveservices.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key (sent as <c>Ocp-Apim-Subscription-Key</c>; keep it in user secrets or Key Vault).</summary>
    public string? Key { get; set; }

    /// <summary>Total time allowed for one classification, retries included. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Negative-sentiment confidence (0–1) at or above which a borderline message becomes a concern. Default 0.9.</summary>
    [Range(0.5, 1.0)]
    public double NegativeThreshold { get; set; } = 0.9;

    /// <summary>Whether the signal is configured.</summary>
    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Key);
}
