namespace CompassionBot.Clinicians;

/// <summary>
/// Clinician API keys (section <c>Clinic</c>, key <c>ApiKeys</c>): either a list of keys or name → key pairs
/// (<c>Clinic:ApiKeys:dr-lee</c>); the name identifies who enrolled a client. Sent as <c>Authorization: ApiKey &lt;key&gt;</c>.
/// No keys means the clinician API refuses every request.
/// </summary>
public sealed class ClinicianApiOptions
{
    /// <summary>Configuration section name (shared with the clinic's name and contact).</summary>
    public const string SectionName = "Clinic";

    /// <summary>Name → key.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names of <see cref="ApiKeys"/> whose clinicians are clinic admins (<c>Clinic:Admins</c>, default none): they read
    /// every clinician's clients and alerts, and the access log.
    /// </summary>
    public IList<string> Admins { get; } = [];

    /// <summary>How long a client's link code can be used (<c>Clinic:LinkCodeLifetime</c>, default 72 hours).</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromHours(72);
}
