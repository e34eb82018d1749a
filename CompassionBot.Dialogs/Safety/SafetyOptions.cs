namespace CompassionBot.Dialogs.Safety;

/// <summary>What the safety flow keeps (section <c>Safety</c>).</summary>
public sealed class SafetyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Safety";

    /// <summary>Whether a crisis event keeps the person's message text. Default false: ids, level and rules only.</summary>
    public bool RecordMessageText { get; set; }

    /// <summary>Where clinician alerts are POSTed (read here only to know whether anyone is alerted: a referral promises
    /// "I'll let your clinician know" only then).</summary>
    public Uri? AlertWebhookUrl { get; set; }

    /// <summary>Whether clinician alerts are configured.</summary>
    public bool AlertsConfigured => AlertWebhookUrl is not null;
}
