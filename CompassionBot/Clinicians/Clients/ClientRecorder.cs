using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// Records what a linked client shares with their clinician: practice sessions (as <see cref="IPracticeSessionObserver"/>)
/// and crisis or concern events (through <see cref="ClientRecordingCrisisResponder"/>), each also an alert in the
/// clinician's inbox. A person who is not linked has nothing recorded. A storage fault is logged and the turn goes on.
/// </summary>
internal sealed class ClientRecorder(
    ClientLinkStore links, ClientRecordStore records, ClinicianAlertStore alerts, TimeProvider timeProvider, ILogger<ClientRecorder> logger)
    : IPracticeSessionObserver
{
    public async Task OnSessionSavedAsync(ITurnContext turnContext, PracticeSessionRecord session, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            if (await FindLinkAsync(turnContext, cancellationToken).ConfigureAwait(false) is { } link)
            {
                await records.AddSessionAsync(link.ClientId, turnContext.Activity.ChannelId!, session, endedAt, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SessionNotRecorded(logger, turnContext.Activity.ChannelId ?? string.Empty, exception);
        }
    }

    public async Task OnObstacleSavedAsync(ITurnContext turnContext, PracticeSessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            if (await FindLinkAsync(turnContext, cancellationToken).ConfigureAwait(false) is { } link)
            {
                await records.SetObstacleAsync(link.ClientId, session, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SessionNotRecorded(logger, turnContext.Activity.ChannelId ?? string.Empty, exception);
        }
    }

    /// <summary>Records the crisis or concern event <paramref name="eventId"/> of a linked client, and its alert.</summary>
    public async Task OnSafetyEventAsync(ITurnContext turnContext, string eventId, RiskLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            if (await FindLinkAsync(turnContext, cancellationToken).ConfigureAwait(false) is { } link)
            {
                var now = timeProvider.GetUtcNow();
                await records.AddSafetyEventAsync(link.ClientId, eventId, level, now, cancellationToken).ConfigureAwait(false);
                var kind = level == RiskLevel.Crisis ? ClinicianAlert.Crisis : ClinicianAlert.Concern;
                await alerts.AddAsync(new ClinicianAlert(eventId, link.Clinician, link.ClientId, kind, now), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SafetyEventNotRecorded(logger, eventId, exception);
        }
    }

    private Task<ClientLink?> FindLinkAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity is { ChannelId: { Length: > 0 } channelId, From.Id: { Length: > 0 } userId }
            ? links.FindAsync(channelId, userId, cancellationToken)
            : Task.FromResult<ClientLink?>(null);
}
