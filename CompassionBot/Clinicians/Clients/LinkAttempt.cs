namespace CompassionBot.Clinicians.Clients;

/// <summary>Whether a link code may be tried now (<see cref="LinkAttemptLimiter.TryAttempt"/>), and if not, which limit
/// holds it back, so the person is told how long to wait.</summary>
internal enum LinkAttempt
{
    /// <summary>The code may be tried.</summary>
    Allowed,

    /// <summary>This person tried too many codes this hour.</summary>
    TooManyFromPerson,

    /// <summary>This instance took too many tries from everyone this minute.</summary>
    TooManyJustNow,
}
