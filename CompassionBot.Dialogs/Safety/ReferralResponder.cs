using CompassionBot.Dialogs.Conversation;

namespace CompassionBot.Dialogs.Safety;

/// <summary>Sends the crisis referral: a warm message with the resources for the person's region and language.</summary>
public sealed class ReferralResponder : ICrisisResponder
{
    private readonly ClinicOptions _clinic;

    /// <summary>Creates the responder.</summary>
    public ReferralResponder(ClinicOptions clinic)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        _clinic = clinic;
    }

    /// <inheritdoc />
    public async Task RespondAsync(BotTurn turn, SafetyAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await turn.SayAsync("crisis.referral", cancellationToken).ConfigureAwait(false);
        await turn.SayAsync("crisis.resources.us", cancellationToken).ConfigureAwait(false);
        await turn.SayAsync("crisis.clinic", cancellationToken, ("clinicContact", _clinic.Contact)).ConfigureAwait(false);
    }
}
