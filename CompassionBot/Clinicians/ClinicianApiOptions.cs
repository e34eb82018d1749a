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

    /// <summary>Link codes one person may try in an hour (<c>Clinic:LinkAttemptsPerPerson</c>, default 5).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int LinkAttemptsPerPerson { get; set; } = 5;

    /// <summary>Link codes everyone together may try in a minute on one instance (<c>Clinic:LinkAttemptsPerMinute</c>,
    /// default 30): a bound on guessing from made-up user ids.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100000)]
    public int LinkAttemptsPerMinute { get; set; } = 30;

    /// <summary>Console key sign-ins one client address may try in a minute (<c>Clinic:SignInAttemptsPerMinute</c>,
    /// default 10); beyond that the sign-in page answers 429 without looking at the key.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Wrong keys one client address may try in an hour on the console (<c>Clinic:SignInFailuresPerHour</c>,
    /// default 30) before its sign-ins are refused with 429 until the hour moves on.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100000)]
    public int SignInFailuresPerHour { get; set; } = 30;
}
