namespace CompassionBot.Clinicians.Clients;

/// <summary>What became of an acknowledgement.</summary>
internal enum AcknowledgeOutcome
{
    /// <summary>Recorded.</summary>
    Acknowledged,

    /// <summary>No such alert of this clinician.</summary>
    NotFound,

    /// <summary>Acknowledged before; the first acknowledgement stands.</summary>
    AlreadyAcknowledged,
}
