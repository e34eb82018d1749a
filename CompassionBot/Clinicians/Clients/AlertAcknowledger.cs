namespace CompassionBot.Clinicians.Clients;

/// <summary>Acknowledges a clinician's alert (who, when, a short note), for the API and the console alike.</summary>
internal sealed class AlertAcknowledger(ClinicianAlertStore alerts, TimeProvider timeProvider)
{
    /// <summary>Longest acknowledgement note.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The note as it is kept: trimmed, null when blank.</summary>
    public static string? NormalizeNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>
    /// Acknowledges <paramref name="clinician"/>'s alert <paramref name="id"/> with <paramref name="note"/> (from
    /// <see cref="NormalizeNote"/>, at most <see cref="MaxNoteLength"/> characters); the first acknowledgement stands.
    /// </summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(string clinician, string id, string? note, CancellationToken cancellationToken)
    {
        if (await alerts.GetAsync(clinician, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return AcknowledgeOutcome.NotFound;
        }

        return await alerts.AcknowledgeAsync(clinician, id, clinician, note, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ? AcknowledgeOutcome.Acknowledged
            : AcknowledgeOutcome.AlreadyAcknowledged;
    }
}
