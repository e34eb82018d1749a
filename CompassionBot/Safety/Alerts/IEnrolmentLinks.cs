namespace CompassionBot.Safety.Alerts;

/// <summary>The client enrolment a conversation is linked to, so that a clinician alert names the client and clinician.</summary>
internal interface IEnrolmentLinks
{
    /// <summary>The enrolment behind the conversation, or null when it is linked to none.</summary>
    Task<EnrolmentLink?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
