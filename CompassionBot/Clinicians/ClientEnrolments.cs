using CompassionBot.CheckIns;

namespace CompassionBot.Clinicians;

/// <summary>A client's SMS check-in enrolments as the console shows and changes them (the enrolment API's operations).</summary>
internal sealed class ClientEnrolments(CheckInStore checkIns, EnrolmentClients enrolments)
{
    /// <summary>The client's enrolments, newest first, each with its status as it is now.</summary>
    public async Task<IReadOnlyList<EnrolmentResponse>> ListAsync(string clientId, CancellationToken cancellationToken)
    {
        var found = await checkIns.ListByClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        var views = new List<EnrolmentResponse>(found.Count);
        foreach (var enrolment in found)
        {
            views.Add(await enrolments.ViewAsync(enrolment, clientId, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    /// <summary>Pauses (until resumed), resumes or ends the client's enrolment <paramref name="enrolmentId"/>; false when it is not the client's.</summary>
    public async Task<bool> SetStatusAsync(string clientId, string enrolmentId, EnrolmentStatus status, CancellationToken cancellationToken) =>
        await checkIns.ClientIdAsync(enrolmentId, cancellationToken).ConfigureAwait(false) == clientId
            && await checkIns.SetStatusAsync(enrolmentId, status, null, cancellationToken).ConfigureAwait(false);
}
