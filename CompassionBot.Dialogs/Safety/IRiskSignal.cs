namespace CompassionBot.Dialogs.Safety;

/// <summary>
/// An optional second opinion (e.g. a cloud sentiment service) that may only <em>raise</em> the embedded detector's
/// level, never lower it. Implementations never throw for service faults: on failure the local level stands.
/// </summary>
public interface IRiskSignal
{
    /// <summary>The level to act on: at least <paramref name="local"/>'s level.</summary>
    /// <param name="text">The message (sent to the service; never logged).</param>
    /// <param name="locale">The conversation's locale, or null.</param>
    /// <param name="local">The embedded detector's verdict; its <c>distress.*</c> rules mark a borderline message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RiskLevel> RaiseAsync(string text, string? locale, SafetyAssessment local, CancellationToken cancellationToken);
}
