namespace CompassionBot.Dialogs.Safety;

/// <summary>The default <see cref="IRiskSignal"/> when no cloud service is configured: the local level stands.</summary>
public sealed class NoRiskSignal : IRiskSignal
{
    /// <inheritdoc />
    public Task<RiskLevel> RaiseAsync(string text, string? locale, SafetyAssessment local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        return Task.FromResult(local.Level);
    }
}
